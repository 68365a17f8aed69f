package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a component's files from a directory: a local component's {@code spec.path}, or the
 * directory a function picks (a conformance case's {@code upstream/}, an unpacked cache entry).
 */
public final class DirectorySourceTreeProvider implements SourceTreeProvider {
  private final Function<ComponentConfig, Path> upstreamDir;

  public DirectorySourceTreeProvider(Function<ComponentConfig, Path> upstreamDir) {
    this.upstreamDir = upstreamDir;
  }

  /** Local components from their {@code spec.path}; upstream components from {@code root/<upstream-name>/}. */
  public static DirectorySourceTreeProvider localOr(Path upstreamRoot) {
    return new DirectorySourceTreeProvider(c -> upstreamRoot.resolve(c.upstreamName()));
  }

  @Override
  public SourceTree sourceTree(ComponentConfig component) throws IOException {
    Path dir = component.spec().isLocal() && component.spec().path().isPresent()
        ? component.spec().path().get()
        : upstreamDir.apply(component);
    if (Files.isRegularFile(dir)) {
      dir = dir.getParent(); // azldev's spec.path names the spec file; its directory holds the sources
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException("no sources for component " + component.name() + ": " + dir + " is not a directory");
    }
    return SourceTree.readDirectory(dir);
  }
}
