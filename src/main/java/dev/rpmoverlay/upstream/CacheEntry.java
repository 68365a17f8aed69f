package dev.rpmoverlay.upstream;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A verified cache entry: the upstream tree at the pinned commit and its metadata.
 *
 * @param dir the entry's directory ({@code upstream-cache/<component>})
 * @param files regular files by relative path (sorted)
 * @param symlinks symbolic links by relative path → target (rare in dist-git)
 * @param historyFacts the history-facts file's bytes, when the entry has one
 * @param metadataBytes the {@code upstream.toml} the metadata was read from, as read
 */
public record CacheEntry(
    Path dir,
    CacheMetadata metadata,
    SortedMap<String, CachedFile> files,
    SortedMap<String, String> symlinks,
    Optional<byte[]> historyFacts,
    byte[] metadataBytes) {

  public Optional<CachedFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
