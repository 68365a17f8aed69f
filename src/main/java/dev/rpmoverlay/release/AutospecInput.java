package dev.rpmoverlay.release;

import java.util.List;
import java.util.Objects;

/**
 * Input of {@link Autospec}: a package's history facts, the downstream changes on top of it, and
 * the spec (and {@code changelog} file) as they are now, after any downstream edits.
 *
 * @param history facts read from the upstream history; may have no commits when the package has
 *     no upstream history (then the downstream commits are the whole history)
 * @param downstream downstream changes, oldest first, added on top of {@code history}'s head;
 *     all but the newest are empty commits, the newest carries the current files (as azldev's
 *     synthetic commits do)
 * @param specText the spec as it is now
 * @param changelogFile the {@code changelog} file next to the spec as it is now, or null when
 *     there is none; only consulted when there are downstream commits
 * @param includes files the current spec {@code %include}s, relative to its directory
 */
public record AutospecInput(
    HistoryFacts history, List<DownstreamCommit> downstream, String specText, byte[] changelogFile, IncludeResolver includes) {
  public AutospecInput {
    Objects.requireNonNull(history, "history");
    downstream = List.copyOf(downstream);
    Objects.requireNonNull(specText, "specText");
    Objects.requireNonNull(includes, "includes");
  }

  /** The history alone, with the spec as it is at the history's head. */
  public static AutospecInput of(HistoryFacts history, String specText) {
    return new AutospecInput(history, List.of(), specText, null, IncludeResolver.none());
  }

  public AutospecInput withDownstream(List<DownstreamCommit> commits, byte[] changelog) {
    return new AutospecInput(history, commits, specText, changelog, includes);
  }

  public AutospecInput withIncludes(IncludeResolver resolver) {
    return new AutospecInput(history, downstream, specText, changelogFile, resolver);
  }
}
