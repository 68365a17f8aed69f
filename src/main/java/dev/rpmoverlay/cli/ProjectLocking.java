package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.render.OutputLayout;
import dev.rpmoverlay.render.ProjectLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --lock-wait}: shared by the commands that write to a project ({@code render}, {@code
 * update}, {@code fetch}, {@code add}); they take {@code <work-dir>/rpmoverlay.lock} (see {@link ProjectLock}) so two of them
 * never run on the same project at once.
 */
final class ProjectLocking {

  @Option(names = "--lock-wait", paramLabel = "SECONDS",
      description = "If another rpmoverlay command is working on this project, wait up to SECONDS for it (default: 0, fail at once).")
  long lockWaitSeconds;

  /** Takes the project's lock or throws a {@link UserException} that names the holder. */
  ProjectLock take(Project project, String command, PrintWriter err) {
    return take(project.info().workDir().resolve(ProjectLock.FILE_NAME), command, err,
        "another rpmoverlay command is working on this project", "the project lock");
  }

  /** Takes the project lock at {@code lockFile} (a project's {@code <work-dir>/rpmoverlay.lock}) without loading the project. */
  ProjectLock take(Path lockFile, String command, PrintWriter err) {
    return take(lockFile, command, err, "another rpmoverlay command is working on this project", "the project lock");
  }

  /**
   * Takes the lock of an output dir ({@code <out>/.rpmoverlay-lock}): staging, swaps and repair
   * happen there, so two renders into one dir from two checkouts (two project locks) must not
   * overlap either.
   */
  ProjectLock takeOutputDir(Path outDir, String command, PrintWriter err) {
    return take(outDir.resolve(OutputLayout.LOCK_FILE), command, err,
        "another rpmoverlay render is writing to " + outDir, "the output dir's lock");
  }

  private ProjectLock take(Path file, String command, PrintWriter err, String heldBy, String what) {
    if (lockWaitSeconds < 0) {
      throw new UserException("--lock-wait must not be negative");
    }
    try {
      ProjectLock lock = ProjectLock.acquire(file, command, Duration.ofSeconds(lockWaitSeconds), heldBy);
      // The OS lock was free, so the holder named in the file is gone or (a reused or copied PID) never held it.
      lock.tookOverFrom().ifPresent(h -> err.println("rpmoverlay: note: took over the lock left by " + h.describeForUser()
          + (h.alive() ? ", a process that is running but did not hold the lock (a reused PID, or a copied lock file) ("
              : ", which is no longer running (") + lock.file() + ")"));
      return lock;
    } catch (ProjectLock.HeldException e) {
      throw new UserException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UserException("cannot take " + what + ": " + dev.rpmoverlay.render.OsErrors.detail(e),
          dev.rpmoverlay.render.OsErrors.isRefusal(e) ? ExitCodes.FAILED : ExitCodes.USAGE, e);
    }
  }
}
