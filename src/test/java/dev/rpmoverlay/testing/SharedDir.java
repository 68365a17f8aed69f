package dev.rpmoverlay.testing;

import java.nio.file.Path;

/**
 * Where the shared data lives: {@code -Drpmoverlay.shared=DIR}, else {@code ../shared} beside the
 * repository. Tests that need it skip (JUnit assumptions) when what they need is not there, as it
 * is not for an outside user.
 */
public final class SharedDir {
  private SharedDir() {}

  public static Path path() {
    String property = System.getProperty("rpmoverlay.shared");
    Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("..", "shared");
    return root.toAbsolutePath().normalize();
  }
}
