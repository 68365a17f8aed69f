package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.ConfigProblem;
import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the project named by the global options ({@code -C}, {@code --config-file}, {@code
 * --permissive-config}) once per command run. Configuration errors become a {@link
 * UserException} listing every problem; warnings go to stderr unless {@code -q}.
 */
final class ProjectContext {
  private final RootCommand global;
  private final PrintWriter err;
  private Project project;
  private Project fullProject;

  public ProjectContext(RootCommand global, PrintWriter err) {
    this.global = global;
    this.err = err;
  }

  public LoadOptions options() {
    return new LoadOptions(
        Optional.ofNullable(global.projectDir()), Path.of("").toAbsolutePath(), global.extraConfigFiles(), global.permissiveConfig());
  }

  /** The project, loaded on first use (files holding only uninterpreted sections are not parsed). */
  public Project project() {
    if (project == null) {
      project = load(options());
    }
    return project;
  }

  /** The project with every file parsed, including package-groups, images and the like. */
  public Project fullProject() {
    if (fullProject == null) {
      fullProject = load(options().parsingEverything());
    }
    return fullProject;
  }

  private Project load(LoadOptions options) {
    Project loaded;
    try {
      loaded = ProjectLoader.load(options);
    } catch (ConfigException e) {
      throw new UserException(e.getMessage(), e);
    }
    if (!global.quiet()) {
      for (ConfigProblem warning : loaded.warnings()) {
        err.println(warning.format(loaded.dir()));
      }
    }
    return loaded;
  }
}
