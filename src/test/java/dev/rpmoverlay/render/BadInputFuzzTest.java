package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.OverlayFailure;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, reproducible fuzzing of render's inputs: real comp.toml files (the shipped project's and
 * AZL4's) and real Fedora specs (the azldev conformance cases' upstream specs), mutated by
 * truncation, random bytes, huge lines, deep {@code %if} nesting, unbalanced conditionals, NUL bytes,
 * invalid UTF-8 and 10 MB specs. For every input: no exception other than the user-facing ones
 * ({@link ConfigException}, {@link RenderException}, {@link OverlayFailure}), no hang (each input
 * has a time bound), and nothing written outside the output dir. A failure names the seed and the
 * input number; {@code -Drpmoverlay.fuzz.seed=N} replays a run.
 */
class BadInputFuzzTest {
  static final long SEED = Long.getLong("rpmoverlay.fuzz.seed", 20261122L);
  static final int SPEC_INPUTS = Integer.getInteger("rpmoverlay.fuzz.specs", 8_000);
  static final int TOML_INPUTS = Integer.getInteger("rpmoverlay.fuzz.tomls", 2_500);
  /** Wall-clock bound per input: far above the worst CPU time seen (about 2 s for a 10 MB spec), so only a hang trips it. */
  static final long SECONDS_PER_INPUT = 60;

  @TempDir Path sandbox;

  record SpecCase(ComponentConfig component, String specName, byte[] spec, SourceTree sidecars) {}

  @Test
  void tenThousandMutatedSpecsAndCompTomlsNeverCrashHangOrWriteOutsideTheOutputDir() throws Exception {
    Path shared = SharedData.azldevConformance().orElse(null);
    Assumptions.assumeTrue(shared != null, "../shared/conformance/azldev is not present");
    long t0 = System.nanoTime();
    List<SpecCase> cases = specCases(shared);
    List<byte[]> tomls = compTomls(shared);
    assertThat(cases).isNotEmpty();
    assertThat(tomls).isNotEmpty();

    Path out = sandbox.resolve("out");
    Path projectDir = sandbox.resolve("project");
    Set<Path> written = new TreeSet<>(setUpMiniProject(projectDir));
    ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
    int[] outcome = new int[3]; // rendered, failed cleanly, written to disk
    List<String> problems = new ArrayList<>();
    try {
      for (int i = 0; i < SPEC_INPUTS; i++) {
        Random rnd = new Random(SEED * 1_000_003L + i);
        SpecCase c = cases.get(rnd.nextInt(cases.size()));
        byte[] spec = SpecMutations.mutate(c.spec(), rnd, i);
        boolean write = i % 25 == 0;
        String label = "spec input " + i + " (" + c.component().name() + ", " + spec.length + " bytes)";
        worker = run(worker, label, problems, outcome, () -> renderSpec(c, spec, write ? out : null, outcome));
      }
      for (int i = 0; i < TOML_INPUTS; i++) {
        Random rnd = new Random(SEED * 7_000_003L + i);
        byte[] toml = TomlMutations.mutate(tomls.get(rnd.nextInt(tomls.size())), rnd);
        Path file = projectDir.resolve("comps/fuzz.comp.toml");
        Files.write(file, toml);
        written.add(file);
        SpecCase spec = cases.get(rnd.nextInt(cases.size()));
        worker = run(worker, "comp.toml input " + i, problems, outcome, () -> loadAndRender(projectDir, spec, outcome));
      }
    } finally {
      worker.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "fuzz: %d inputs (%d specs, %d comp.toml), seed %d: %d rendered, %d refused with a clear"
        + " error, %d written to disk, %d problems; %.1f s wall, %.1f s CPU, slowest input %.2f s CPU%n",
        SPEC_INPUTS + TOML_INPUTS, SPEC_INPUTS, TOML_INPUTS, SEED, outcome[0], outcome[1], outcome[2], problems.size(), seconds,
        cpuNanos[0] / 1e9, maxCpuNanos[0] / 1e9);
    assertThat(problems).as("inputs that crashed or hung (seed %d)", SEED).isEmpty();
    assertThat(SPEC_INPUTS + TOML_INPUTS).isGreaterThanOrEqualTo(10_000);
    assertThat(outcome[0]).as("some inputs still render").isPositive();
    assertThat(outcome[1]).as("some inputs are refused").isPositive();
    assertThat(filesOutside(out)).as("files outside the output dir").containsExactlyInAnyOrderElementsOf(written);
  }

  /** Wall-clock bound per hostile glob or regex: each takes milliseconds; a backtracking glob took 35 s. */
  static final long SECONDS_PER_SHAPE = 10;

  /** Glob and regex shapes from issue 18 (items 9 and 11) and their relatives. */
  static final List<String> HOSTILE_GLOBS = List.of(
      "*a*a*a*a*a*a*a*a*a*a*a*b", "**/*a*a*a*a*a*a*a*a*a*a*a*b", "{".repeat(200) + "a", "{a,b}".repeat(500), "[!-~]".repeat(800),
      "**/".repeat(1000) + "x", "*".repeat(5000), "[", "{*a,*b,{*c,*d*e*f*g*h*i*j}}".repeat(100));
  static final List<String> HOSTILE_REGEXES = List.of(
      "(?:(?:a{0,1000}){0,1000})b", "(".repeat(5000) + "a" + ")".repeat(5000), "a*".repeat(5000), "[a]".repeat(100_000),
      "(?:\\pL{1000}){1000}", "(?:a{0,1000})b", "(a+)+$", "(?:a|aa)*c", "\\pL{0,1000}" + "x{0,1000}".repeat(30));

  @Test
  void hostileGlobAndRegexShapesFailCleanlyOrRenderWithinTheirTimeBound() throws Exception {
    Path shared = SharedData.azldevConformance().orElse(null);
    Assumptions.assumeTrue(shared != null, "../shared/conformance/azldev is not present");
    SpecCase base = specCases(shared).get(0);
    String nearMiss = "a".repeat(34);
    SourceTree sidecars = base.sidecars().copy();
    sidecars.put(nearMiss, new TreeFile(new byte[0], false));
    SpecCase c = new SpecCase(base.component(), base.specName(), base.spec(), sidecars);
    Path projectDir = sandbox.resolve("project");
    setUpMiniProject(projectDir);
    Files.write(projectDir.resolve("comps").resolve(nearMiss), new byte[0]);
    List<String> inputs = new ArrayList<>();
    for (String glob : HOSTILE_GLOBS) {
      inputs.add("includes = ['" + glob + "']\n[components." + c.component().name() + "]\n");
      inputs.add("[[components." + c.component().name() + ".overlays]]\ntype = \"file-remove\"\nfile = '" + glob + "'\n");
    }
    for (String regex : HOSTILE_REGEXES) {
      inputs.add("[[components." + c.component().name() + ".overlays]]\ntype = \"spec-search-replace\"\nregex = '" + regex + "'\n");
      inputs.add("[[components." + c.component().name() + ".overlays]]\ntype = \"file-search-replace\"\nfile = '*'\nregex = '" + regex + "'\n");
    }
    ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
    int[] outcome = new int[3];
    List<String> problems = new ArrayList<>();
    try {
      for (int i = 0; i < inputs.size(); i++) {
        Files.writeString(projectDir.resolve("comps/fuzz.comp.toml"), inputs.get(i), StandardCharsets.UTF_8);
        String label = "hostile input " + i + " (" + inputs.get(i).replace('\n', ' ').substring(0, Math.min(90, inputs.get(i).length())) + ")";
        worker = run(worker, label, SECONDS_PER_SHAPE, problems, outcome, () -> loadAndRender(projectDir, c, outcome));
      }
    } finally {
      worker.shutdownNow();
    }
    assertThat(problems).as("inputs that crashed or hung").isEmpty();
    assertThat(outcome[1]).as("some shapes are refused").isPositive();
  }

  private final long[] cpuNanos = new long[1];
  private final long[] maxCpuNanos = new long[1];

  private ExecutorService run(ExecutorService worker, String label, List<String> problems, int[] outcome, Callable<Void> task)
      throws InterruptedException {
    return run(worker, label, SECONDS_PER_INPUT, problems, outcome, task);
  }

  private ExecutorService run(ExecutorService worker, String label, long seconds, List<String> problems, int[] outcome, Callable<Void> task)
      throws InterruptedException {
    Future<Void> f = worker.submit(() -> {
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = threads.getCurrentThreadCpuTime();
      try {
        return task.call();
      } finally {
        long used = threads.getCurrentThreadCpuTime() - c0;
        synchronized (cpuNanos) {
          cpuNanos[0] += used;
          maxCpuNanos[0] = Math.max(maxCpuNanos[0], used);
        }
      }
    });
    try {
      f.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      problems.add(label + ": no result after " + seconds + " s (hang)");
      f.cancel(true);
      worker.shutdownNow();
      return Executors.newSingleThreadExecutor(daemon());
    } catch (java.util.concurrent.ExecutionException e) {
      problems.add(label + ": uncaught " + e.getCause());
    }
    return worker;
  }

  private Void renderSpec(SpecCase c, byte[] spec, Path out, int[] outcome) throws IOException {
    SourceTree tree = c.sidecars().copy();
    tree.put(c.specName(), new TreeFile(spec, false));
    ComponentRenderer renderer = new ComponentRenderer(x -> tree.copy(), Templates.bundled(), new OverlayEngine(Compat.AZLDEV_2026_04));
    if (out == null) {
      try {
        renderer.render(c.component(), 1);
        outcome[0]++;
      } catch (RenderException | OverlayFailure e) {
        assertThat(e.getMessage()).contains(c.component().name());
        outcome[1]++;
      }
      return null;
    }
    RenderRun run = new RenderRun(renderer, x -> java.util.List.of(new dev.rpmoverlay.release.DownstreamCommit("Lock import", "A", "a@example.org", java.time.Instant.EPOCH)), Templates.bundled(), FaultInjector.NONE);
    RenderSummary summary = run.run(List.of(c.component()), Set.of(c.component().name()), RenderOptions.into(out), r -> {});
    ComponentResult r = summary.results().get(0);
    if (r.error().contains("internal error")) {
      throw new IllegalStateException(r.error());
    }
    outcome[r.failed() ? 1 : 0]++;
    outcome[2]++;
    return null;
  }

  private Void loadAndRender(Path projectDir, SpecCase spec, int[] outcome) {
    Project project;
    try {
      project = ProjectLoader.load(LoadOptions.of(projectDir));
    } catch (ConfigException e) {
      assertThat(e.getMessage()).isNotBlank();
      outcome[1]++;
      return null;
    }
    for (String name : project.componentNames()) {
      try {
        ComponentConfig c = project.resolve(name);
        SourceTree tree = spec.sidecars().copy();
        tree.put(c.upstreamName() + ".spec", new TreeFile(spec.spec(), false));
        new ComponentRenderer(x -> tree.copy(), Templates.bundled(), new OverlayEngine(Compat.CURRENT)).render(c, 1);
        outcome[0]++;
      } catch (ConfigException | RenderException | OverlayFailure e) {
        outcome[1]++;
      } catch (IllegalArgumentException e) {
        // A component name that is no valid spec file name (workspace) is a clean refusal too,
        // but only with a message that names the problem.
        assertThat(e.getMessage()).isNotBlank();
        outcome[1]++;
      }
    }
    return null;
  }

  private static List<SpecCase> specCases(Path shared) throws IOException {
    Project azl = ProjectLoader.load(LoadOptions.of(shared.resolve("project")));
    List<Path> dirs;
    try (Stream<Path> s = Files.list(shared.resolve("cases"))) {
      dirs = s.filter(p -> Files.isRegularFile(p.resolve("case.toml"))).sorted().toList();
    }
    List<SpecCase> out = new ArrayList<>();
    for (Path dir : dirs) {
      ConformanceCase c = ConformanceCase.read(dir);
      ComponentConfig component = azl.resolve(c.component());
      SourceTree upstream = SourceTree.readDirectory(c.upstream());
      String specName = component.upstreamName() + ".spec";
      byte[] spec = upstream.get(specName).orElseThrow().content();
      upstream.remove(specName);
      out.add(new SpecCase(component, specName, spec, upstream));
    }
    return out;
  }

  private static List<byte[]> compTomls(Path shared) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("components"), shared.resolve("project/base/comps"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> s = Files.walk(root)) {
          s.filter(p -> p.getFileName().toString().endsWith(".comp.toml")).sorted().forEach(files::add);
        }
      }
    }
    List<byte[]> out = new ArrayList<>();
    for (Path f : files) {
      out.add(Files.readAllBytes(f));
    }
    return out;
  }

  /** A project with the shipped distro definitions and one comp.toml slot; returns the files it wrote. */
  private static List<Path> setUpMiniProject(Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    Files.createDirectories(dir.resolve("comps"));
    Files.createDirectories(dir.resolve("distro"));
    try (Stream<Path> s = Files.list(Path.of("distro"))) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        Path target = dir.resolve("distro").resolve(f.getFileName().toString());
        Files.copy(f, target);
        written.add(target);
      }
    }
    Path root = dir.resolve("rpmoverlay.toml");
    Files.writeString(root, "includes = [\"distro/distro.toml\", \"comps/*.comp.toml\"]\n\n[project]\n"
        + "default-distro = { name = \"lumen\" }\n", StandardCharsets.UTF_8);
    written.add(root);
    return written;
  }

  private Set<Path> filesOutside(Path out) throws IOException {
    Set<Path> found = new TreeSet<>();
    try (Stream<Path> s = Files.walk(sandbox)) {
      s.filter(p -> !p.startsWith(out) && !Files.isDirectory(p)).forEach(found::add);
    }
    return found;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    };
  }
}
