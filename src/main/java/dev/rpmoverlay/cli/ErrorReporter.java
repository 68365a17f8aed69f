package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The single place that turns failures into output: a user-fixable problem is one
 * {@code rpmoverlay: error: ...} block and exit code 2 (or the exception's own code); anything else
 * is a bug, reported the same way, with the stack trace only under {@code -v}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return report(ex, cmd.getErr(), RootCommand.of(cmd).verbose());
  }

  /**
   * Reports what a command's execution threw on {@code err} and gives the exit code: the one
   * way, for picocli's runs and for those that do without it ({@link ProcessCommandLine}).
   */
  static int report(Exception ex, PrintWriter err, boolean verbose) {
    if (ex instanceof dev.rpmoverlay.config.ConfigException config) {
      // e.g. a component's overlay-files, which are read when the component is first resolved
      ex = new UserException(config.getMessage(), config);
    }
    if (ex instanceof dev.rpmoverlay.release.HistoryException history) {
      // autospec's and overlays' git history: no repository, no commits, an unreadable spec
      ex = new UserException(history.getMessage(), history);
    }
    if (ex instanceof UserException user) {
      err.println(prefix(user.getMessage()));
      if (verbose && user.getCause() != null) {
        user.getCause().printStackTrace(err);
      }
      err.flush();
      return user.exitCode();
    }
    if (ex instanceof java.io.IOException io && dev.rpmoverlay.render.OsErrors.isRefusal(io)) {
      // permission denied, read-only file system, disk full: the user's to fix, not a bug
      err.println(prefix(dev.rpmoverlay.render.OsErrors.describe("cannot use", io)));
      err.flush();
      return ExitCodes.FAILED;
    }
    err.println(prefix("internal error: " + ex));
    if (verbose) {
      ex.printStackTrace(err);
    } else {
      err.println("(this is a bug in rpmoverlay; run again with -v for the stack trace and report it)");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    if (ex instanceof UnmatchedArgumentException unmatched && isUnknownCommand(unmatched)) {
      err.println(prefix("unknown command '" + unmatched.getUnmatched().get(0) + "'"));
    } else {
      err.println(prefix(ex.getMessage()));
    }
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      // picocli's own nearest commands or options, as "did you mean" for component names does
      err.println("Did you mean: " + String.join(" or ", unmatched.getSuggestions().stream().map(s -> "'" + s + "'").toList()) + "?");
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** A word where a command name belongs: the first unmatched argument of a command that has subcommands. */
  private static boolean isUnknownCommand(UnmatchedArgumentException ex) {
    CommandLine cmd = ex.getCommandLine();
    return !cmd.getSubcommands().isEmpty()
        && !ex.getUnmatched().isEmpty()
        && !ex.getUnmatched().get(0).startsWith("-")
        && cmd.getCommandSpec().positionalParameters().isEmpty();
  }

  static String prefix(String message) {
    return "rpmoverlay: error: " + message;
  }
}
