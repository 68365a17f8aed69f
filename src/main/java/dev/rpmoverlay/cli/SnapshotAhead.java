package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectSnapshot;
import dev.rpmoverlay.config.TomlWarmUp;
import dev.rpmoverlay.render.CodeIdentity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The project snapshot ({@link ProjectSnapshot}) read on a thread of its own from the process's
 * start, while the main thread builds the command line: when it holds, {@link ProjectContext} finds
 * the project ready; when it does not, the same thread warms the TOML parser up for the ordinary
 * load instead ({@link TomlWarmUp}; not for render -a, see {@link CommandTree.Ahead}). For the
 * full distro that is 140 ms of the main thread's time (a cold render -a: 3.28 -> 3.03 s). Only for the plain options (an optional {@code -C DIR}); a
 * command line with {@code --config-file}, {@code --permissive-config} or an {@code @file} just
 * gets the warm-up, and its load reads the snapshot itself.
 */
final class SnapshotAhead {
  private record Started(LoadOptions options, CompletableFuture<Optional<Project>> project) {}

  private static volatile Started started;

  private SnapshotAhead() {}

  /**
   * Starts reading the snapshot of the project {@code args} name (the root options before the
   * command); when there is none to read, or it does not hold, and {@code warmUp}, the TOML warm-up.
   */
  static void start(List<String> args, boolean warmUp) {
    Optional<LoadOptions> options = plainOptions(args);
    Optional<Path> dir = options.isPresent() ? ProjectContext.snapshotDir() : Optional.empty();
    if (dir.isEmpty()) {
      started = null;
      if (warmUp) {
        TomlWarmUp.startInBackground();
      }
      return;
    }
    CompletableFuture<Optional<Project>> project = new CompletableFuture<>();
    started = new Started(options.get(), project);
    Thread thread = new Thread(() -> {
      Optional<Project> kept = Optional.empty();
      try {
        kept = new ProjectSnapshot(dir.get(), CodeIdentity.get()).kept(options.get());
      } catch (RuntimeException e) {
        // no project there, or the snapshot unreadable: the ordinary load says what is wrong
      }
      project.complete(kept);
      if (kept.isEmpty() && warmUp) {
        TomlWarmUp.run();
      }
    }, "project-snapshot");
    thread.setDaemon(true);
    thread.start();
  }

  /** The project read ahead for exactly these options, once; empty when none was or it did not hold. */
  static Optional<Project> take(LoadOptions options) {
    Started s = started;
    if (s == null || !s.options().equals(options)) {
      return Optional.empty();
    }
    started = null;
    return s.project().join();
  }

  /** Drops what was read ahead and not taken. */
  static void forget() {
    started = null;
  }

  /** The load options of a command line whose root options are at most {@code -C DIR}; empty for any other. */
  static Optional<LoadOptions> plainOptions(List<String> args) {
    Path projectDir = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("@") || a.startsWith("--config-file") || a.equals("--permissive-config")) {
        return Optional.empty();
      }
      if ((a.equals("-C") || a.equals("--project")) && i + 1 < args.size()) {
        projectDir = Path.of(args.get(++i));
      } else if (a.startsWith("--project=")) {
        projectDir = Path.of(a.substring("--project=".length()));
      } else if (!a.startsWith("-")) {
        break; // the command word: what follows are its own options
      }
    }
    return Optional.of(new LoadOptions(Optional.ofNullable(projectDir), Path.of("").toAbsolutePath(), List.of(), false));
  }
}
