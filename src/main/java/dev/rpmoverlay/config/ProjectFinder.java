package dev.rpmoverlay.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the project file by walking upward from a start directory (azldev's finder). */
public final class ProjectFinder {
  /** Checked in this order in each directory; the first one found wins. */
  public static final List<String> PROJECT_FILE_NAMES = List.of("rpmoverlay.toml", "azldev.toml");

  private ProjectFinder() {}

  /** @throws ConfigException if no directory from {@code start} up to the root has a project file */
  public static Path find(Path start) {
    Path abs = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw ConfigException.of("project directory " + abs + " does not exist", "pass an existing directory to -C");
    }
    for (Path dir = abs; dir != null; dir = dir.getParent()) {
      for (String name : PROJECT_FILE_NAMES) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    throw ConfigException.of(
        "could not find rpmoverlay.toml or azldev.toml in " + abs + " or any parent directory",
        "run inside a project, or pass the project directory with -C DIR");
  }
}
