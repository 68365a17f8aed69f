package dev.rpmoverlay.bench;

import dev.rpmoverlay.cli.BaseCommand;
import dev.rpmoverlay.cli.ExitCodes;
import dev.rpmoverlay.cli.UserException;
import dev.rpmoverlay.render.RpmNameComparison;
import dev.rpmoverlay.spec.SpecDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay bench rpm-sources DIR}: the file filter's Source/Patch names against rpm's. */
@Command(
    name = "rpm-sources",
    description = {
      "For every *.spec under DIR, run 'rpmspec -q --srpm --qf [%%{SOURCE}\\n][%%{PATCH}\\n]' (in "
          + "parallel) and check that the file filter keeps every name rpm prints. Specs rpm cannot "
          + "query (Fedora macros missing from this rpm) are counted apart, with the most common "
          + "reasons. Prints 'rpm agreement: N/M' (M = specs rpm could query), then every name the "
          + "filter drops and every spec where it keeps a file rpm does not name, by category. "
          + "Exit code 1 when the filter drops a name rpm needs."
    })
final class BenchRpmSourcesCommand extends BaseCommand {

  @Parameters(paramLabel = "DIR", description = "Directory holding the spec files.")
  Path dir;

  @Option(names = "--jobs", paramLabel = "N", description = "rpmspec processes at a time (default: the number of processors).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--every", paramLabel = "K", description = "Take every K-th spec in name order, starting with the first (default: 1, all).")
  int every = 1;

  @Option(names = "--rpm-cache", paramLabel = "CACHE", description = "Keep rpm's answers in CACHE and reuse them (a rerun only compares).")
  Path rpmCache;

  @Option(names = "--rpmspec", paramLabel = "PATH", description = "The rpmspec program (default: rpmspec on PATH).")
  String rpmspec = "rpmspec";

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up on one spec after this long (default: 60).")
  long timeoutSeconds = 60;

  @Option(names = "--list-limit", paramLabel = "N", description = "Specs listed per category (default: all).")
  int listLimit = Integer.MAX_VALUE;

  private record Outcome(String spec, RpmSpecQuery.Answer answer, Optional<RpmNameComparison.Result> result) {}

  @Override
  protected int execute() throws IOException, InterruptedException {
    if (!Files.isDirectory(dir)) {
      throw new UserException(dir + ": not a directory (give the directory holding the *.spec files)");
    }
    if (jobs < 1 || every < 1 || timeoutSeconds < 1) {
      throw new UserException("--jobs, --every and --timeout must be at least 1");
    }
    if (!RpmSpecQuery.available(rpmspec)) {
      throw new UserException("cannot run '" + rpmspec + " --version' (install rpm: apt-get install rpm, or dnf install rpm-build)");
    }
    if (rpmCache != null) {
      Files.createDirectories(rpmCache);
    }
    List<Path> specs = sample(dir, every);
    RpmSpecQuery query = new RpmSpecQuery(rpmspec, Optional.ofNullable(rpmCache), timeoutSeconds);
    long start = System.nanoTime();
    List<Outcome> outcomes = run(specs, query);
    double seconds = (System.nanoTime() - start) / 1e9;
    return report(outcomes, seconds);
  }

  /** Every {@code every}-th spec under {@code dir} in name order: a deterministic sample. */
  static List<Path> sample(Path dir, int every) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.filter(p -> p.getFileName().toString().endsWith(".spec") && Files.isRegularFile(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += every) {
      out.add(all.get(i));
    }
    return out;
  }

  private List<Outcome> run(List<Path> specs, RpmSpecQuery query) throws InterruptedException, IOException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Path spec : specs) {
        futures.add(pool.submit(() -> compare(spec, query)));
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome compare(Path spec, RpmSpecQuery query) throws IOException, InterruptedException {
    RpmSpecQuery.Answer answer = query.query(spec);
    String name = spec.getFileName().toString();
    if (answer instanceof RpmSpecQuery.Names names) {
      SpecDocument document = SpecDocument.parse(new String(Files.readAllBytes(spec), StandardCharsets.UTF_8));
      return new Outcome(name, answer, Optional.of(RpmNameComparison.compare(document, names.names())));
    }
    return new Outcome(name, answer, Optional.empty());
  }

  private int report(List<Outcome> outcomes, double seconds) {
    var out = out();
    Map<RpmNameComparison.Kind, Integer> kinds = new EnumMap<>(RpmNameComparison.Kind.class);
    SortedMap<String, Integer> failures = new TreeMap<>();
    SortedMap<String, List<String>> byCategory = new TreeMap<>();
    List<String> drops = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.answer() instanceof RpmSpecQuery.Failed failed) {
        failures.merge(failed.reason(), 1, Integer::sum);
        continue;
      }
      RpmNameComparison.Result r = o.result().orElseThrow();
      kinds.merge(r.kind(), 1, Integer::sum);
      if (r.kind() == RpmNameComparison.Kind.DROPS) {
        drops.add(o.spec() + ": " + String.join(" ", r.missing()));
      }
      Map<String, List<String>> perCategory = r.extra().entrySet().stream().collect(
          Collectors.groupingBy(Map.Entry::getValue, TreeMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
      perCategory.forEach((cat, names) -> byCategory.computeIfAbsent(cat, k -> new ArrayList<>())
          .add(o.spec() + ": " + String.join(" ", names)));
    }
    int queried = outcomes.size() - failures.values().stream().mapToInt(Integer::intValue).sum();
    int agree = queried - kinds.getOrDefault(RpmNameComparison.Kind.DROPS, 0);
    out.printf(Locale.ROOT, "specs:                 %d (%.1f s, %d rpmspec jobs)%n", outcomes.size(), seconds, jobs);
    out.printf(Locale.ROOT, "rpm could query:       %d%n", queried);
    out.printf(Locale.ROOT, "rpm could not query:   %d (Fedora macros this rpm lacks, or specs it rejects)%n", outcomes.size() - queried);
    failures.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .forEach(e -> out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
    out.printf(Locale.ROOT, "same names as rpm:     %d%n", kinds.getOrDefault(RpmNameComparison.Kind.SAME, 0));
    out.printf(Locale.ROOT, "keeps more than rpm:   %d%n", kinds.getOrDefault(RpmNameComparison.Kind.KEEPS_MORE, 0));
    out.printf(Locale.ROOT, "keeps every file:      %d (a name needs a macro the filter does not expand)%n",
        kinds.getOrDefault(RpmNameComparison.Kind.KEEPS_ALL, 0));
    out.printf(Locale.ROOT, "drops a name rpm needs: %d%n", drops.size());
    drops.forEach(d -> out.println("  " + d));
    out.println("kept but not named by rpm, by category:");
    byCategory.forEach((cat, specs) -> {
      out.printf(Locale.ROOT, "  %s: %d specs (%s)%n", cat, specs.size(), explain(cat));
      specs.stream().limit(listLimit).forEach(s -> out.println("    " + s));
    });
    out.printf(Locale.ROOT, "rpm agreement: %d/%d%n", agree, queried);
    return drops.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static String explain(String category) {
    return switch (category) {
      case "conditional" -> "inside %if: rpm evaluated the condition here, the filter keeps both branches";
      case "arch-branch" -> "inside %ifarch/%ifos: rpm named the branch for this machine only";
      case "macro-values" -> "a macro defined differently in different branches: the filter keeps every value";
      default -> "outside any conditional: see the spec";
    };
  }
}
