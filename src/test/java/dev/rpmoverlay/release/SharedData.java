package dev.rpmoverlay.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates ../shared (or the directory named by -Drpmoverlay.shared) for tests that use it. */
final class SharedData {
  private SharedData() {}

  static Optional<Path> root() {
    String property = System.getProperty("rpmoverlay.shared");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Optional.of(Path.of(property));
    }
    Path sibling = Path.of("..", "shared");
    return Files.isDirectory(sibling) ? Optional.of(sibling.toAbsolutePath().normalize()) : Optional.empty();
  }

  /** Whether {@code command} runs (it is on PATH). */
  static boolean onPath(String command) {
    try {
      Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
