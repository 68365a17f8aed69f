package dev.rpmoverlay.review;

import java.util.List;

/**
 * How one file of a component differs between upstream and the rendered output.
 *
 * @param upstreamPath the file's path upstream (empty when the file was added)
 * @param renderedPath the file's path in the output (empty when the file was removed)
 * @param binary true when the contents are not text; then {@code hunks} is empty
 * @param causes what changed the file as a whole (all hunks' causes, plus file-level edits)
 */
public record FileDiff(String upstreamPath, String renderedPath, Status status, boolean binary, List<Hunk> hunks, List<Cause> causes) {

  public enum Status {
    MODIFIED,
    ADDED,
    REMOVED,
    RENAMED
  }

  public FileDiff {
    hunks = List.copyOf(hunks);
    causes = List.copyOf(causes);
  }

  /** The name to show: the rendered path, or the upstream one for a removed file. */
  public String path() {
    return renderedPath.isEmpty() ? upstreamPath : renderedPath;
  }

  public long added() {
    return hunks.stream().mapToLong(Hunk::added).sum();
  }

  public long removed() {
    return hunks.stream().mapToLong(Hunk::removed).sum();
  }
}
