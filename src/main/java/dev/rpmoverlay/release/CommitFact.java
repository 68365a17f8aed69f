package dev.rpmoverlay.release;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What rpmautospec needs to know about one commit of a package's dist-git history. Plain data,
 * so that it can be stored as text (see {@link HistoryFactsJson}) and render never needs the git
 * history itself.
 *
 * <p>Two kinds of commits appear in {@link HistoryFacts}: <em>walked</em> commits, whose release
 * number or changelog entry rpmautospec computes, carry every field; <em>boundary</em> commits
 * ({@code boundary = true}) are parents of walked commits that rpmautospec only compares against
 * (version, tree, changelog file), so their author, time and message are null.
 *
 * @param id commit id (40 hex digits)
 * @param parents parent commit ids in git order (first parent first); boundary commits' parents
 *     are listed but not themselves in the facts
 * @param tree id of the commit's root tree (rpmautospec follows a merge's parent with the same
 *     tree)
 * @param specPresent whether the spec file exists in this commit
 * @param version version and {@code %autorelease} flags read from the spec at this commit; null
 *     when the spec is absent or rpm could not parse it (rpmautospec then bridges the gap)
 * @param versionProblem why {@code version} is null (or only partly known), for verbose output;
 *     null when there was nothing to say
 * @param changelogBlob blob id of the {@code changelog} file next to the spec, null when absent
 * @param changelogText content of that file, only for walked commits that add or change it
 *     (rpmautospec copies it into the changelog there); null otherwise
 * @param authorName git author name (null for boundary commits)
 * @param authorEmail git author email (null for boundary commits)
 * @param committed committer time (rpmautospec dates entries by it; null for boundary commits)
 * @param message full commit message as stored (null for boundary commits)
 * @param boundary true when only the comparison fields are meaningful
 */
public record CommitFact(
    String id,
    List<String> parents,
    String tree,
    boolean specPresent,
    SpecVersion version,
    String versionProblem,
    String changelogBlob,
    String changelogText,
    String authorName,
    String authorEmail,
    Instant committed,
    String message,
    boolean boundary) {

  public CommitFact {
    Objects.requireNonNull(id, "id");
    parents = List.copyOf(parents);
    Objects.requireNonNull(tree, "tree");
    if (!boundary) {
      Objects.requireNonNull(authorName, "authorName");
      Objects.requireNonNull(authorEmail, "authorEmail");
      Objects.requireNonNull(committed, "committed");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The same commit reduced to what a boundary commit keeps. */
  public CommitFact asBoundary() {
    return new CommitFact(id, parents, tree, specPresent, version, versionProblem, changelogBlob, null, null, null, null, null, true);
  }
}
