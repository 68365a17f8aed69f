package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds, parses, merges and validates a project (docs/azldev-compatibility.md §1.1 to 1.3, 1.11). Every
 * error of the run is collected and thrown together as one {@link ConfigException}.
 */
public final class ProjectLoader {
  private ProjectLoader() {}

  public static Project load(LoadOptions options) {
    return load(options, LoadReads.NONE);
  }

  /** {@link #load(LoadOptions)}, stamping what it reads into {@code reads}. */
  static Project load(LoadOptions options, LoadReads reads) {
    Path projectFile = ProjectFinder.find(options.projectDir().orElse(options.workingDir()));
    Path projectDir = projectFile.getParent();
    Problems problems = new Problems(options.permissive());
    List<TomlFile> loaded;
    List<Path> deferred;
    try (ConfigFiles files = new ConfigFiles(problems, options.deferOpaqueFiles(), reads)) {
      files.load(projectFile, SourcePosition.of(projectFile));
      for (Path extra : options.extraConfigFiles()) {
        Path abs = options.workingDir().resolve(extra).toAbsolutePath().normalize();
        reads.checked(abs, null);
        if (!java.nio.file.Files.isRegularFile(abs)) {
          problems.error(SourcePosition.of(abs), Problems.Context.NONE, "--config-file " + extra + " does not exist", "pass an existing TOML file");
          continue;
        }
        files.load(abs, SourcePosition.of(abs));
      }
      loaded = files.loaded();
      deferred = files.deferred();
    }
    ProjectAssembler assembler = new ProjectAssembler(projectDir, problems, reads);
    for (TomlFile file : loaded) {
      assembler.add(file);
    }
    List<Path> paths = loaded.stream().map(TomlFile::path).toList();
    return assembler.build(projectFile, paths, deferred, options.permissive());
  }
}
