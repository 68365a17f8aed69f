package dev.rpmoverlay.bench;

import picocli.CommandLine.Command;

/** {@code rpmoverlay bench}: reproducible measurements, hidden from the main help. */
@Command(
    name = "bench",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Run a benchmark and print what it measured.",
    subcommands = {
      BenchConfigCommand.class,
      BenchAutoreleaseCommand.class,
      BenchRoundtripCommand.class,
      BenchDistroSetupCommand.class,
      BenchFetchCommand.class,
      BenchRpmSourcesCommand.class,
    })
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing benchmark name (try 'rpmoverlay bench --help')");
  }
}
