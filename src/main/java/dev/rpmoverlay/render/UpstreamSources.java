package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SourceTree;
import java.util.Optional;

/**
 * What render reads for one component, in one go: its upstream files and, when stored, the
 * rpmautospec history facts (see {@link SourceTreeProvider#historyFacts}).
 *
 * @param cacheMetadata the bytes of the upstream cache entry's {@code upstream.toml} the files were
 *     read by (it names every file and the history with their SHA-256), when they came from the cache
 */
record UpstreamSources(SourceTree tree, Optional<byte[]> historyFacts, Optional<byte[]> cacheMetadata) {
  UpstreamSources(SourceTree tree, Optional<byte[]> historyFacts) {
    this(tree, historyFacts, Optional.empty());
  }
}
