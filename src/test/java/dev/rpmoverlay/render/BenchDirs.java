package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to the render package's tree deletion. */
final class BenchDirs {
  private BenchDirs() {}

  static void delete(Path dir) throws IOException {
    ComponentOutput.deleteTree(dir);
  }
}
