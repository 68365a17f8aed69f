package dev.rpmoverlay.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates ../shared (or the directory named by -Drpmoverlay.shared) for tests that use it. */
final class SharedData {
  private SharedData() {}

  static Optional<Path> root() {
    Path shared = dev.rpmoverlay.testing.SharedDir.path();
    return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
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
