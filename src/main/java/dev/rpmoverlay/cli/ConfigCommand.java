package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ConfigTrees;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.TomlWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpmoverlay config}: inspect the merged project configuration. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Inspect the merged project configuration.",
    subcommands = {ConfigCommand.Dump.class})
final class ConfigCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'rpmoverlay config dump')");
  }

  /** {@code rpmoverlay config dump}. */
  @Command(
      name = "dump",
      description = {
        "Print the merged project configuration: every file merged in order (includes, --config-file), before "
            + "per-component inheritance (use 'show NAME' for a resolved component). Paths are relative to the project directory.",
      })
  public static final class Dump extends BaseCommand {
    /** Output syntax. */
    public enum Format {
      TOML,
      JSON
    }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "toml or json (default: toml, or json with -O json).")
    Format format;

    @Override
    protected int execute() {
      Project project = new ProjectContext(global(), err()).fullProject();
      Map<String, Object> tree = new ConfigTrees(project.dir()).project(project);
      Format f = format != null ? format : global().outputFormat() == OutputFormat.JSON ? Format.JSON : Format.TOML;
      if (f == Format.JSON) {
        JsonPrinter.print(out(), tree);
      } else {
        out().print(TomlWriter.write(tree));
      }
      return ExitCodes.OK;
    }
  }
}
