package dev.rpmoverlay.bench;

import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.spec.SpecStructure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses, analyses and prints a set of spec files on a few threads and checks that each prints
 * back byte-identical. Totals are summed per thread and merged at the end, so threads never
 * contend.
 */
public final class RoundTripBenchmark {
  private RoundTripBenchmark() {}

  /** What the run found. {@code different} lists files that did not round-trip (or failed to read). */
  public record Totals(
      int files,
      int identical,
      long bytes,
      long lines,
      long sections,
      long subPackages,
      long tagLines,
      long conditionalBlocks,
      int unbalancedSpecs,
      List<String> different,
      double cpuSeconds) {}

  public static Totals run(List<Path> files, int threads) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    Worker[] workers = new Worker[Math.max(1, threads)];
    Thread[] running = new Thread[workers.length];
    for (int t = 0; t < workers.length; t++) {
      workers[t] = new Worker(files, next);
      running[t] = new Thread(workers[t], "roundtrip-" + t);
      running[t].start();
    }
    for (Thread thread : running) {
      thread.join();
    }
    Worker sum = new Worker(files, next);
    for (Worker w : workers) {
      sum.add(w);
    }
    sum.different.sort(Comparator.naturalOrder());
    return new Totals(files.size(), sum.identical, sum.bytes, sum.lines, sum.sections, sum.subPackages,
        sum.tagLines, sum.blocks, sum.unbalanced, List.copyOf(sum.different), sum.cpuNanos / 1e9);
  }

  private static final class Worker implements Runnable {
    private final List<Path> files;
    private final AtomicInteger next;
    int identical;
    long bytes;
    long lines;
    long sections;
    long subPackages;
    long tagLines;
    long blocks;
    int unbalanced;
    long cpuNanos;
    final List<String> different = new ArrayList<>();

    Worker(List<Path> files, AtomicInteger next) {
      this.files = files;
      this.next = next;
    }

    @Override
    public void run() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
      work();
      cpuNanos = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() - cpuStart : 0;
    }

    private void work() {
      int i;
      while ((i = next.getAndIncrement()) < files.size()) {
        Path file = files.get(i);
        byte[] input;
        try {
          input = Files.readAllBytes(file);
        } catch (IOException e) {
          different.add(file + " (unreadable: " + e.getMessage() + ")");
          continue;
        }
        SpecDocument doc = SpecDocument.parse(input);
        SpecStructure s = doc.structure();
        bytes += input.length;
        lines += doc.size();
        sections += s.sections().size();
        subPackages += s.subPackages().size();
        tagLines += s.tags().size();
        blocks += s.conditionals().blocks().size();
        unbalanced += s.conditionals().isBalanced() ? 0 : 1;
        if (Arrays.equals(doc.toBytes(), input)) {
          identical++;
        } else {
          different.add(file.toString());
        }
      }
    }

    void add(Worker w) {
      identical += w.identical;
      bytes += w.bytes;
      lines += w.lines;
      sections += w.sections;
      subPackages += w.subPackages;
      tagLines += w.tagLines;
      blocks += w.blocks;
      unbalanced += w.unbalanced;
      cpuNanos += w.cpuNanos;
      different.addAll(w.different);
    }
  }
}
