package dev.rpmoverlay.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates {@code ../shared} (or the {@code rpmoverlay.shared} system property) for data-driven tests. */
final class SharedData {
  private SharedData() {}

  static Optional<Path> dir() {
    Path p = dev.rpmoverlay.testing.SharedDir.path();
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  static Optional<Path> azldevConformance() {
    return dir().map(d -> d.resolve("conformance/azldev")).filter(Files::isDirectory);
  }
}
