package dev.rpmoverlay.bench;

import dev.rpmoverlay.cli.BaseCommand;
import dev.rpmoverlay.cli.ExitCodes;
import dev.rpmoverlay.cli.UserException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay bench roundtrip DIR}: parse and print every spec, check byte identity. */
@Command(
    name = "roundtrip",
    description = {
      "Parse, analyse and print every *.spec under DIR (recursively) and check that each prints back "
          + "byte-identical. Reports files, bytes, time, specs/s, peak heap, and the sections, "
          + "sub-packages, tag lines and conditional blocks found. The last line is 'identical: N/M'; "
          + "exit code 1 when N != M."
    })
public final class BenchRoundtripCommand extends BaseCommand {

  @Parameters(paramLabel = "DIR", description = "Directory holding the spec files.")
  Path dir;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  protected int execute() throws IOException, InterruptedException {
    if (!Files.isDirectory(dir)) {
      throw new UserException(dir + ": not a directory (give the directory holding the *.spec files)");
    }
    if (threads < 1) {
      throw new UserException("--threads must be at least 1, not " + threads);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".spec") && Files.isRegularFile(p))
          .sorted()
          .toList();
    }
    List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    RoundTripBenchmark.Totals totals = RoundTripBenchmark.run(files, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    long peakHeap = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

    for (String file : totals.different()) {
      err().println("rpmoverlay: not identical: " + file);
    }
    var out = out();
    out.printf(Locale.ROOT, "files:              %d%n", totals.files());
    out.printf(Locale.ROOT, "bytes:              %d%n", totals.bytes());
    out.printf(Locale.ROOT, "lines:              %d%n", totals.lines());
    out.printf(Locale.ROOT, "threads:            %d%n", threads);
    out.printf(Locale.ROOT, "seconds:            %.3f%n", seconds);
    out.printf(Locale.ROOT, "cpu seconds:        %.3f (worker threads)%n", totals.cpuSeconds());
    out.printf(Locale.ROOT, "specs/s:            %.0f%n", seconds > 0 ? totals.files() / seconds : 0.0);
    out.printf(Locale.ROOT, "MB/s:               %.1f%n", seconds > 0 ? totals.bytes() / 1e6 / seconds : 0.0);
    out.printf(Locale.ROOT, "heap used (peak):   %d MiB%n", peakHeap >> 20);
    out.printf(Locale.ROOT, "sections:           %d%n", totals.sections());
    out.printf(Locale.ROOT, "sub-packages:       %d%n", totals.subPackages());
    out.printf(Locale.ROOT, "tag lines:          %d%n", totals.tagLines());
    out.printf(Locale.ROOT, "conditional blocks: %d%n", totals.conditionalBlocks());
    out.printf(Locale.ROOT, "unbalanced specs:   %d%n", totals.unbalancedSpecs());
    out.printf(Locale.ROOT, "identical: %d/%d%n", totals.identical(), totals.files());
    return totals.identical() == totals.files() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
