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
 * @param deferOpaqueFiles skip parsing files that only hold sections rpmoverlay does not interpret
 *     (package-groups, images, ...; see {@link OpaqueFiles}); {@code validate} and {@code config
 *     dump} turn this off
 */
public record LoadOptions(Optional<Path> projectDir, Path workingDir, List<Path> extraConfigFiles, boolean permissive, boolean deferOpaqueFiles) {

  public LoadOptions {
    extraConfigFiles = List.copyOf(extraConfigFiles);
  }

  /** Options that defer opaque-only files (the fast default). */
  public LoadOptions(Optional<Path> projectDir, Path workingDir, List<Path> extraConfigFiles, boolean permissive) {
    this(projectDir, workingDir, extraConfigFiles, permissive, true);
  }

  /** Load the project that contains {@code dir}, strictly, with no extra files. */
  public static LoadOptions of(Path dir) {
    return new LoadOptions(Optional.of(dir), Path.of("").toAbsolutePath(), List.of(), false);
  }

  public LoadOptions withExtraConfigFiles(List<Path> files) {
    return new LoadOptions(projectDir, workingDir, files, permissive, deferOpaqueFiles);
  }

  public LoadOptions withPermissive(boolean value) {
    return new LoadOptions(projectDir, workingDir, extraConfigFiles, value, deferOpaqueFiles);
  }

  /** Parse every file, including those that only hold uninterpreted sections. */
  public LoadOptions parsingEverything() {
    return new LoadOptions(projectDir, workingDir, extraConfigFiles, permissive, false);
  }
}
