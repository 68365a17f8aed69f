package dev.rpmoverlay.cli;

import java.util.function.Consumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for a long run, the one hook every command uses ({@code try (Progress p =
 * Progress.start(this, "fetch", n)) { ... p.step(); }}). It is drawn when stderr is a terminal
 * (whatever stdout is, so {@code render -a > log} still shows it) or with {@code --color=always};
 * never with {@code -q}, {@code -O json} or {@code --color=never}, nor for fewer items than the
 * command's threshold. Otherwise every call does nothing. Thread-safe: workers may step it.
 */
public final class Progress implements AutoCloseable {
  /** Items below which list and validate, which are fast per item, draw no bar. */
  public static final int MANY = 300;

  private static final Progress NONE = new Progress(null);

  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar for {@code total} items (at least two of them) named {@code task}. */
  public static Progress start(BaseCommand command, String task, long total) {
    return start(command, task, total, 2);
  }

  /** A bar for {@code total} items named {@code task}, only when there are at least {@code threshold}. */
  public static Progress start(BaseCommand command, String task, long total, long threshold) {
    RootCommand g = command.global();
    if (!wanted(g) || total < Math.max(threshold, 2)) {
      return NONE;
    }
    return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new InteractiveConsoleProgressBarConsumer(System.err))
        .build());
  }

  /** Whether a run with these global options draws progress at all. */
  static boolean wanted(RootCommand g) {
    if (g.quiet() || g.outputFormat() == OutputFormat.JSON) {
      return false;
    }
    return switch (g.color()) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> Terminal.stderrIsTerminal();
    };
  }

  /** One more item done. */
  public synchronized void step() {
    if (bar != null) {
      bar.step();
    }
  }

  /** A consumer that steps once per item it is given (for callbacks such as {@code fetchAll}'s). */
  public <T> Consumer<T> stepper() {
    return item -> step();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
