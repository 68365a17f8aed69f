package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a component's files from the directory a function picks: a conformance case's
 * {@code upstream/}, an unpacked dist-git checkout, a test fixture. {@link #localOr} reads local
 * components from their own spec directory instead.
 */
final class DirectorySourceTreeProvider implements SourceTreeProvider {
  private final Function<ComponentConfig, Path> dirOf;
  private final boolean localFromSpecPath;

  /** Every component from {@code dirOf}, local or not. */
  public DirectorySourceTreeProvider(Function<ComponentConfig, Path> dirOf) {
    this(dirOf, false);
  }

  private DirectorySourceTreeProvider(Function<ComponentConfig, Path> dirOf, boolean localFromSpecPath) {
    this.dirOf = dirOf;
    this.localFromSpecPath = localFromSpecPath;
  }

  /** Local components from their {@code spec.path}; upstream components from {@code root/<upstream-name>/}. */
  public static DirectorySourceTreeProvider localOr(Path upstreamRoot) {
    return new DirectorySourceTreeProvider(c -> upstreamRoot.resolve(c.upstreamName()), true);
  }

  @Override
  public SourceTree sourceTree(ComponentConfig component) throws IOException {
    if (localFromSpecPath && component.spec().isLocal()) {
      return read(component, localSpecDir(component));
    }
    return read(component, dirOf.apply(component));
  }

  static SourceTree read(ComponentConfig component, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no sources for component " + component.name() + ": " + dir + " is not a directory");
    }
    return SourceTree.readDirectory(dir);
  }

  /**
   * A local component's spec directory: {@code spec.path} names the spec file (azldev's form) or
   * its directory; the whole directory is the component's sources.
   */
  public static Path localSpecDir(ComponentConfig component) throws IOException {
    Path path = component.spec().path().orElseThrow(() ->
        new IOException("component " + component.name() + " is local but has no spec.path"));
    return Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path;
  }
}
