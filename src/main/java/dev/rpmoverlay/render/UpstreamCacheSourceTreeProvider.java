package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.upstream.CacheEntry;
import dev.rpmoverlay.upstream.CachedFile;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Upstream files from the committed upstream cache; local components ({@code spec.type = "local"})
 * from their spec directory. Never touches the network.
 */
public final class UpstreamCacheSourceTreeProvider implements SourceTreeProvider {
  private final UpstreamCache cache;

  public UpstreamCacheSourceTreeProvider(UpstreamCache cache) {
    this.cache = cache;
  }

  @Override
  public SourceTree sourceTree(ComponentConfig component) throws IOException {
    if (component.spec().isLocal()) {
      return DirectorySourceTreeProvider.read(component, DirectorySourceTreeProvider.localSpecDir(component));
    }
    return treeOf(entry(component));
  }

  /** Reads and verifies the entry once for both the files and the history facts. */
  @Override
  public UpstreamSources read(ComponentConfig component) throws IOException {
    if (component.spec().isLocal()) {
      return new UpstreamSources(sourceTree(component), Optional.empty());
    }
    CacheEntry entry = entry(component);
    return new UpstreamSources(treeOf(entry), entry.historyFacts(), Optional.of(entry.metadataBytes()));
  }

  private CacheEntry entry(ComponentConfig component) throws IOException {
    try {
      return cache.entry(component.name());
    } catch (UpstreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * The files of a verified entry as a source tree (also for a staged entry {@code update} dry-runs
   * overlays on). A file the cache left on disk stays there as a stored file: render streams it to
   * the output, checking its SHA-256 again on the way, and reads it whole only if an overlay edits it.
   */
  public static SourceTree treeOf(CacheEntry entry) {
    SourceTree tree = new SourceTree();
    for (CachedFile f : entry.files().values()) {
      tree.put(f.path(), f.inMemory() ? new TreeFile(f.bytes(), f.executable()) : TreeFile.stored(new Stored(f), f.executable()));
    }
    return tree;
  }

  /** A cached file as the overlay layer's stored content. */
  private record Stored(CachedFile file) implements TreeFile.Stored {
    @Override
    public long size() {
      return file.size();
    }

    @Override
    public InputStream open() throws IOException {
      return file.open();
    }

    @Override
    public InputStream openUnchecked() throws IOException {
      return file.openUnchecked();
    }
  }

  @Override
  public Optional<byte[]> historyFacts(ComponentConfig component) throws IOException {
    if (component.spec().isLocal()) {
      return Optional.empty();
    }
    return entry(component).historyFacts();
  }
}
