package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every leaf command: access to the global options and the output streams. Subclasses
 * implement {@link #execute()} and return an exit code; user-fixable failures are thrown as
 * {@link UserException}.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = false, usageHelpWidth = 100)
public abstract class BaseCommand implements Callable<Integer> {

  @Spec protected CommandSpec spec;

  /** Set instead of {@link #spec} when the command runs without picocli ({@link #executeDirectly}). */
  private Unparsed unparsed;

  /** What a run without picocli has in place of the command's model: the root's options and the streams. */
  private record Unparsed(RootCommand global, PrintWriter out, PrintWriter err) {}

  protected RootCommand global() {
    return unparsed != null ? unparsed.global() : RootCommand.of(spec.commandLine());
  }

  protected PrintWriter out() {
    return unparsed != null ? unparsed.out() : spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return unparsed != null ? unparsed.err() : spec.commandLine().getErr();
  }

  /**
   * Runs the command on fields set by the caller instead of by picocli ({@link
   * ProcessCommandLine}), with {@code global} holding the root's options: what picocli's execution
   * does for a command that throws none of picocli's own exceptions, its failures reported by
   * the same {@link ErrorReporter}.
   */
  final int executeDirectly(RootCommand global, PrintWriter out, PrintWriter err) {
    unparsed = new Unparsed(global, out, err);
    try {
      return call();
    } catch (Exception e) {
      return ErrorReporter.report(e, err, global.verbose());
    }
  }

  /** Prints a progress or status line unless {@code -q}. */
  protected void info(String line) {
    if (!global().quiet()) {
      err().println(line);
    }
  }

  @Override
  public final Integer call() throws Exception {
    int code = execute();
    out().flush();
    err().flush();
    return code;
  }

  protected abstract int execute() throws Exception;
}
