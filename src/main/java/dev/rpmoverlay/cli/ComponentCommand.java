package dev.rpmoverlay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rpmoverlay component}: azldev's noun for the component commands. {@code rpmoverlay
 * component list} is {@code rpmoverlay list}: the same command class, so the same options, help
 * text and exit codes; only the usage line names the extra word.
 */
@Command(
    name = "component",
    mixinStandardHelpOptions = true,
    header = "Run a component command the azldev way: 'component list' is 'list', and so on.",
    description = {
      "The component commands under azldev's noun: each one is the top-level command of the same name,",
      "with the same options, output and exit codes ('rpmoverlay component render -a' is 'rpmoverlay render -a')."
    },
    subcommands = {
      ListCommand.class,
      ShowCommand.class,
      RenderCommand.class,
      UpdateCommand.class,
      AddCommand.class,
      DiffCommand.class,
      QueryCommand.class,
      PrepareSourcesCommand.class,
    })
public final class ComponentCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand (try 'rpmoverlay component --help' for the list)");
  }
}
