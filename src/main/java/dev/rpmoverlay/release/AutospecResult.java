package dev.rpmoverlay.release;

import java.util.List;

/**
 * What rpmautospec computes for the newest commit.
 *
 * @param releaseNumber the bare number ({@code release_number} in the frozen macro)
 * @param release the complete release without dist tag, as {@code calculate-release} prints it
 *     ({@code 0.} for {@code -p}, base from {@code -b}, {@code .extraver}, {@code .snapinfo})
 * @param epochVersion {@code [epoch:]version} of the newest commit, null when unknown
 * @param changelog entries, newest first (may end with the {@code changelog} file's text); empty
 *     when the history facts were captured for the release number only
 * @param notes things verbose output should mention (versions that could not be determined)
 */
public record AutospecResult(int releaseNumber, String release, String epochVersion, List<ChangelogEntry> changelog, List<String> notes) {
  public AutospecResult {
    changelog = List.copyOf(changelog);
    notes = List.copyOf(notes);
  }

  /** The changelog as rpmautospec prints it between its START/END lines (entries joined by a blank line). */
  public String changelogText() {
    List<String> parts = new java.util.ArrayList<>(changelog.size());
    for (ChangelogEntry e : changelog) {
      parts.add(e.format());
    }
    return String.join("\n\n", parts);
  }
}
