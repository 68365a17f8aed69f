package dev.rpmoverlay.config;

import dev.rpmoverlay.testing.SharedData;
import java.nio.file.Path;

/**
 * The real Azure Linux 4 project from ../shared, loaded once per test JVM and shared by every test
 * class that needs it (loading parses 200+ files; resolution is lazy and cached per component).
 * Call from a test: it skips (JUnit assumption) when ../shared is absent.
 */
public final class AzlProject {
  private static Project project;

  private AzlProject() {}

  /** The project directory (skips the calling test when the shared data is absent). */
  public static Path dir() {
    return SharedData.azldevProject();
  }

  /** The cases directory (skips the calling test when the shared data is absent). */
  public static Path casesDir() {
    return SharedData.azldevCases();
  }

  /** The loaded project, shared across test classes. */
  public static synchronized Project get() {
    if (project == null) {
      project = ProjectLoader.load(LoadOptions.of(dir()));
    } else {
      dir(); // still skip when the data went away
    }
    return project;
  }
}
