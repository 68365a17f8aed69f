package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Builds the picocli command tree with the error handling every command shares. */
final class CommandLineFactory {
  static {
    // picocli's default factory otherwise looks for Groovy's Closure class on the class path on
    // every start, to support closures in annotations: a failed class lookup through the whole
    // jar, 4% of the main thread's start-up samples of a small command (JFR).
    System.setProperty("picocli.disable.closures", "true");
  }

  private CommandLineFactory() {}

  /** The whole command tree, every subcommand with its full model (help reference, tests). */
  static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(out, err, CommandTree::addAll);
  }

  /** The tree that runs {@code args}: full models only for the subcommands they can reach ({@link CommandTree}). */
  static CommandLine createFor(List<String> args, PrintWriter out, PrintWriter err) {
    return create(out, err, root -> CommandTree.addFor(root, args));
  }

  private static CommandLine create(PrintWriter out, PrintWriter err, Consumer<CommandLine> subcommands) {
    CommandLine cli = new CommandLine(new RootCommand());
    subcommands.accept(cli);
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
