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

  protected RootCommand global() {
    return RootCommand.of(spec.commandLine());
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
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
