package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the picocli command tree with the error handling every command shares. */
final class CommandLineFactory {
  private CommandLineFactory() {}

  static CommandLine create(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new RootCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(false);
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setParameterExceptionHandler(new ErrorReporter());
    return cli;
  }
}
