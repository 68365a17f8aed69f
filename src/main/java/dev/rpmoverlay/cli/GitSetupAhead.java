package dev.rpmoverlay.cli;

import dev.rpmoverlay.upstream.GitSystemConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When a process starts JGit's set-up on its own thread ({@link GitSystemConfig#presetInBackground}).
 * The entry point starts it ahead, beside picocli, for a command that may read git; but a
 * {@code render -a} may be answered from its stamp record ({@link RenderShortcut}) without opening a
 * repository, and there the set-up's thread only took a core from the stamp scan (0.14 s of CPU of
 * a no-op check of the full distro, docs/benchmarks.md, session 24). Such a render starts it when
 * the record does not answer, still ahead of loading the project. Commands run in-process (tests)
 * never start it.
 */
final class GitSetupAhead {
  private static final AtomicBoolean deferred = new AtomicBoolean();

  private GitSetupAhead() {}

  /** From the entry point: starts the set-up now, or leaves it to a render -a ({@link #startDeferred}). */
  static void start(List<String> args) {
    if (!CommandTree.mayReadGit(args)) {
      return;
    }
    if (CommandTree.mayBeAnsweredByStamps(args)) {
      deferred.set(true);
    } else {
      GitSystemConfig.presetInBackground();
    }
  }

  /** Starts the set-up the entry point left to this render; nothing when it did not, or once started. */
  static void startDeferred() {
    if (deferred.getAndSet(false)) {
      GitSystemConfig.presetInBackground();
    }
  }
}
