package dev.rpmoverlay.upstream;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The contents of a cache entry's {@code upstream.toml} (docs/upstream-cache.md).
 *
 * @param snapshot the distro snapshot in effect when the entry was written (empty if none); the
 *     commit may come from a lock or pin instead, which the metadata deliberately does not record,
 *     so the entry's bytes do not depend on which command wrote it
 * @param historyFile the entry's history-facts file name, if it has one
 * @param historySha256 lower-case hex SHA-256 of the history-facts file (required with {@code
 *     historyFile}: it decides the rendered changelog, so it is verified like every cached file)
 * @param files every file of the upstream tree, sorted by path
 */
public record CacheMetadata(
    int format,
    String component,
    String upstreamName,
    String url,
    String branch,
    String commit,
    Instant commitTime,
    String snapshot,
    Optional<String> historyFile,
    Optional<String> historySha256,
    List<FileRecord> files) {

  /** The format version this code writes and reads. */
  public static final int FORMAT = 1;

  public CacheMetadata {
    files = files.stream().sorted(Comparator.comparing(FileRecord::path)).toList();
  }

  /** Metadata without a history-facts hash (entries without history, and callers that add it later). */
  public CacheMetadata(int format, String component, String upstreamName, String url, String branch, String commit,
      Instant commitTime, String snapshot, Optional<String> historyFile, List<FileRecord> files) {
    this(format, component, upstreamName, url, branch, commit, commitTime, snapshot, historyFile, Optional.empty(), files);
  }

  /**
   * One file of the tree.
   *
   * @param path relative, {@code /}-separated
   * @param sha256 lower-case hex SHA-256 of the file's bytes (for a symlink: of its target string)
   * @param symlinkTarget the link target for {@link FileKind#SYMLINK}, empty otherwise
   */
  public record FileRecord(String path, FileKind kind, String sha256, String symlinkTarget) {}

  /** Whether an entry with this metadata already holds what {@code other} describes (files aside). */
  public boolean sameSourceAs(CacheMetadata other) {
    return format == other.format
        && component.equals(other.component)
        && upstreamName.equals(other.upstreamName)
        && url.equals(other.url)
        && branch.equals(other.branch)
        && commit.equals(other.commit)
        && snapshot.equals(other.snapshot)
        && historyFile.equals(other.historyFile);
  }
}
