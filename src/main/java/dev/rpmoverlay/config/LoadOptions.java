package dev.rpmoverlay.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to find and load a project.
 *
 * @param projectDir {@code -C DIR}: where to start looking for the project file (empty = {@code
 *     workingDir})
 * @param workingDir the directory relative {@code --config-file} paths resolve against
 * @param extraConfigFiles {@code --config-file}: merged after the project's own files, in order
 * @param permissive {@code --permissive-config}: unknown keys are warnings, not errors
 */
public record LoadOptions(Optional<Path> projectDir, Path workingDir, List<Path> extraConfigFiles, boolean permissive) {

  public LoadOptions {
    extraConfigFiles = List.copyOf(extraConfigFiles);
  }

  /** Load the project that contains {@code dir}, strictly, with no extra files. */
  public static LoadOptions of(Path dir) {
    return new LoadOptions(Optional.of(dir), Path.of("").toAbsolutePath(), List.of(), false);
  }

  public LoadOptions withExtraConfigFiles(List<Path> files) {
    return new LoadOptions(projectDir, workingDir, files, permissive);
  }

  public LoadOptions withPermissive(boolean value) {
    return new LoadOptions(projectDir, workingDir, extraConfigFiles, value);
  }
}
