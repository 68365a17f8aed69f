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
    cli.setExecutionStrategy(CommandLineFactory::refuseUnmatched);
    HelpLayout.apply(cli);
    return cli;
  }

  /**
   * picocli lets words it could not match through when --help is given ({@code rpmoverlay
   * no-such-command --help} would print the top-level help and exit 0), so a script could not tell
   * that the command does not exist: such words are a usage error whatever else was given.
   */
  private static int refuseUnmatched(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (!r.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(r.commandSpec().commandLine(), r.unmatched());
      }
    }
    useColor(parseResult.commandSpec().commandLine(), ((RootCommand) parseResult.commandSpec().userObject()).color());
    return new CommandLine.RunLast().execute(parseResult);
  }

  /** --help follows --color like every other output: always, never, or auto (a terminal, and no NO_COLOR). */
  private static void useColor(CommandLine root, RootCommand.ColorMode mode) {
    CommandLine.Help.Ansi ansi = Terminal.colorStdout(mode) ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
    root.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
  }
}
