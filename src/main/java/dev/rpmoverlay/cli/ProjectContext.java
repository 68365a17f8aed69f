package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.ConfigProblem;
import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.ProjectSnapshot;
import dev.rpmoverlay.config.UserCacheDir;
import dev.rpmoverlay.render.CodeIdentity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the project named by the global options ({@code -C}, {@code --config-file}, {@code
 * --permissive-config}) once per command run. Configuration errors become a {@link
 * UserException} listing every problem; warnings go to stderr unless {@code -q}.
 */
final class ProjectContext {
  static final String SNAPSHOT_PROPERTY = "rpmoverlay.project-snapshots";

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
  /**
   * Where loaded projects are kept for the next command ({@link ProjectSnapshot}): the user's cache
   * directory, {@code $XDG_CACHE_HOME/rpmoverlay/projects} or {@code ~/.cache/rpmoverlay/projects};
   * none with {@code RPMOVERLAY_PROJECT_SNAPSHOTS=off}. The system property {@value
   * #SNAPSHOT_PROPERTY} (a directory, or {@code off}) overrides both, for the tests and the CDS
   * training run, which keep theirs out of the user's cache.
   */
  static Optional<Path> snapshotDir() {
    String property = System.getProperty(SNAPSHOT_PROPERTY, "");
    if (!property.isEmpty()) {
      return property.equals("off") ? Optional.empty() : Optional.of(Path.of(property));
    }
    Map<String, String> env = System.getenv();
    if ("off".equals(env.get("RPMOVERLAY_PROJECT_SNAPSHOTS"))) {
      return Optional.empty();
    }
    return Optional.of(UserCacheDir.of(env).resolve("projects"));
  }

  public Project fullProject() {
    if (fullProject == null) {
      fullProject = load(options().parsingEverything());
    }
    return fullProject;
  }

  private Project load(LoadOptions options) {
    Project loaded;
    try {
      Optional<Path> snapshots = options.deferOpaqueFiles() ? snapshotDir() : Optional.empty();
      Optional<Project> ahead = snapshots.isPresent() ? SnapshotAhead.take(options) : Optional.empty();
      loaded = ahead.isPresent() ? ahead.get()
          : snapshots.isPresent() ? new ProjectSnapshot(snapshots.get(), CodeIdentity.get()).load(options) : ProjectLoader.load(options);
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
