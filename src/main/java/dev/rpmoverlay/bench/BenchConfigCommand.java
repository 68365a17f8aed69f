package dev.rpmoverlay.bench;

import dev.rpmoverlay.cli.BaseCommand;
import dev.rpmoverlay.cli.ExitCodes;
import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay bench config DIR}: time load + resolve-all of a project, first run (cold) and repeats (warm). */
@Command(name = "config", description = "Load a project and resolve every component, N times; prints each run's timings.")
public final class BenchConfigCommand extends BaseCommand {
  @Parameters(paramLabel = "DIR", description = "Project directory.")
  Path dir;

  @Option(names = "--runs", paramLabel = "N", description = "Number of runs (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Override
  protected int execute() {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int run = 1; run <= runs; run++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Project project = ProjectLoader.load(LoadOptions.of(dir));
      long t1 = System.nanoTime();
      int overlays = 0;
      for (String name : project.componentNames()) {
        overlays += project.resolve(name).overlays().size();
      }
      long t2 = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      // CPU time of this thread is reported too: wall time is noisy on a shared machine
      out().println(String.format(Locale.ROOT, "run %d%s: load %d ms, resolve %d components (%d overlays) %d ms, total %d ms wall, %d ms cpu",
          run, run == 1 ? " (cold)" : "", (t1 - t0) / 1_000_000, project.componentNames().size(), overlays, (t2 - t1) / 1_000_000,
          (t2 - t0) / 1_000_000, cpu / 1_000_000));
    }
    return ExitCodes.OK;
  }
}
