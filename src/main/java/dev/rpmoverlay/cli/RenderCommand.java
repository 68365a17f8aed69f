package dev.rpmoverlay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpmoverlay.render.RenderInputFingerprints;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.render.ComponentRenderer;
import dev.rpmoverlay.render.ComponentResult;
import dev.rpmoverlay.render.DirListings;
import dev.rpmoverlay.render.IncrementalState;
import dev.rpmoverlay.render.LockHistoryBumps;
import dev.rpmoverlay.render.OutputLayout;
import dev.rpmoverlay.render.PhaseTimes;
import dev.rpmoverlay.render.ProjectLock;
import dev.rpmoverlay.render.RenderOptions;
import dev.rpmoverlay.render.RenderRun;
import dev.rpmoverlay.render.RenderSummary;
import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.render.UpstreamCacheSourceTreeProvider;
import dev.rpmoverlay.review.OutputDrift;
import dev.rpmoverlay.upstream.CacheEntryWriter;
import dev.rpmoverlay.upstream.JGitSetUp;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.UpdateTransaction;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.VerificationRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay render}: applies overlays to the cached upstream files and writes the rendered specs. */
@Command(
    name = "render",
    header = "Render components from their pinned upstream files and overlays into the output directory.",
    description = {
      "Render components: apply each component's overlays to its cached upstream files and write",
      "<out>/<first letter>/<name>/ (spec, referenced sidecars, sources, generated macros file).",
      "Each component dir is replaced atomically; a component that fails keeps its previous output (or,",
      "with none, gets a RENDER_FAILED marker holding the error) and does not stop the others. The last",
      "line says what happened, e.g. '42 components: 3 rendered, 38 unchanged, 1 failed (previous output",
      "kept)'. Output is byte-identical whatever --jobs, time zone or locale."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  rendered (or, with --check, no drift)",
      "  1  some components failed, or --check found drift",
      "  2  usage or configuration error"
    })
final class RenderCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin ProjectLocking locking;

  @Option(names = "--no-incremental",
      description = "Render every selected component, even those whose inputs and output are unchanged since the last run"
          + " (recorded in <out>/" + IncrementalState.FILE_NAME + "), and hash every upstream cache file read, trusting no"
          + " earlier check (<work-dir>/" + VerificationRecord.FILE_NAME + "/): a full check of the cache.")
  boolean noIncremental;

  @Option(names = "--timings", hidden = true, description = "Print the time spent in each phase to stderr (benchmarks).")
  boolean timings;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
      description = "Output directory (default: the project's rendered-specs-dir).")
  Path outputDir;

  @Option(names = "--check",
      description = "Render in memory and compare with the output dir; write nothing. Exit 1 and show what drifted: the"
          + " files that differ and a unified diff per component (its first " + DriftPrinter.TEXT_LINES + " lines; all of it with -v).")
  boolean check;

  @Option(names = "--clean-stale",
      description = "With -a: remove component dirs (<letter>/<dir>) that belong to no component (with --check: report them).")
  boolean cleanStale;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Components rendered in parallel (default: number of CPUs).")
  Integer jobs;

  @Option(names = "--fail-on-error",
      description = "If any component fails, write nothing at all (previous output stays untouched).")
  boolean failOnError;

  /** When this run started, before it read any input (for {@link RenderShortcut}). */
  private long startMillis;
  /** The directory listings of the record a replay found out of date, for this run's own record. */
  /** The listings of this output dir's record, when one was read and its stamps had moved. */
  private DirListings earlierListings;

  @Option(names = "--skip-lock-validation",
      description = "Render even when a selected component's lock is missing or stale (its config, overlay files, snapshot"
          + " or pin changed since 'rpmoverlay update' wrote it). Without it, render refuses and says what to update.")
  boolean skipLockValidation;

  @Option(names = "--strict", description = "Exit 1 when 'lint' finds anything in the rendered components (its findings are printed as warnings either way).")
  boolean strict;

  @Option(names = "--no-lint", description = "Do not lint the overlays of the rendered components.")
  boolean noLint;

  @Option(names = "--compat", paramLabel = "MODE",
      description = "azldev behaviour to reproduce: 'current' (default) or 'azldev-2026-04' (the build that rendered"
          + " Azure Linux 4's committed specs: lenient Release bump, section-less append ends the preamble,"
          + " no %%if balancing on section removal).")
  String compat;

  @Override
  protected int execute() throws IOException {
    if (check && failOnError) {
      throw new UserException("--check and --fail-on-error cannot be combined (--check never writes)");
    }
    if (cleanStale && !filter.all) {
      throw new UserException("--clean-stale needs -a (only a full render knows which dirs are stale)");
    }
    startMillis = System.currentTimeMillis();
    long t = PhaseTimes.start();
    Optional<RenderShortcut> shortcut = shortcut();
    if (shortcut.isPresent()) {
      Optional<Integer> replayed = replay(shortcut.get(), t);
      if (replayed.isPresent()) {
        return replayed.get();
      }
    }
    // Rendering reads the lock dir's git history: JGit's set-up runs beside the config's load.
    JGitSetUp.startInBackground();
    Project project = new ProjectContext(global(), err()).project();
    PhaseTimes.add(PhaseTimes.Phase.LOAD, t);
    try (ProjectLock lock = locking.take(project, check ? "render --check" : "render", err())) {
      return render(project);
    }
  }

  private int render(Project project) throws IOException {
    Path out = outputDir != null ? outputDir.toAbsolutePath().normalize() : project.info().renderedSpecsDir();
    checkSafeOutput(out, project);
    if (check && !Files.isWritable(out)) {
      return render(project, out); // --check writes nothing, so a read-only (or missing) dir needs no lock
    }
    try (ProjectLock outLock = locking.takeOutputDir(out, check ? "render --check" : "render", err())) {
      return render(project, out);
    }
  }

  private int render(Project project, Path out) throws IOException {
    List<String> names = filter.select(project);
    Compat mode = compatMode();
    // lint renders again the components render found unchanged, with the same downstream history:
    // one walk of the project's history for both
    try (LockHistoryBumps bumps = new LockHistoryBumps(project.info().lockDir(), mode != Compat.AZLDEV_2026_04)) {
      if (!names.isEmpty()) {
        bumps.readAhead(names.get(0)); // opens the project repository while the locks are checked
      }
      return render(project, out, names, mode, bumps);
    }
  }

  private int render(Project project, Path out, List<String> names, Compat mode, LockHistoryBumps bumps) throws IOException {
    Optional<RenderShortcut> shortcut = check ? Optional.empty() : shortcut().filter(s -> s.outputDir().equals(out));
    // without a record of its own (a new or emptied output dir), the listings the last record kept in the work dir
    Supplier<DirListings> earlier = earlierListings != null ? () -> earlierListings : () -> KeptInputListings.read(project.info().workDir());
    Optional<RenderShortcut.InputScan> inputScan = shortcut.map(s -> s.scanInputs(project, names, startMillis, earlier));
    long t = PhaseTimes.start();
    // A fetch or update killed midway left an entry set aside or a journaled lock; finish or undo it
    // (under the project lock no fetch or update is running) before the locks are checked.
    UpstreamCache upstreamCache = UpstreamCache.open(project.info().upstreamCacheDir());
    for (String note : new UpdateTransaction(new LockStore(project.info().lockDir()), upstreamCache,
        new CacheEntryWriter(upstreamCache, Optional.empty())).repair()) {
      err().println("rpmoverlay: note: " + note);
    }
    Map<String, LockFile> currentLocks = !skipLockValidation ? LockGate.require(project, names, mode.configName(), filter.all)
        : noIncremental ? Map.of() : LockGate.current(project, names, mode.configName()); // only the fingerprints use them
    PhaseTimes.add(PhaseTimes.Phase.LOCKS, t);
    t = PhaseTimes.start();
    List<ComponentConfig> components = new ArrayList<>();
    for (String name : names) {
      components.add(project.resolve(name));
    }
    PhaseTimes.add(PhaseTimes.Phase.RESOLVE, t);
    int parallelism = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (parallelism < 1) {
      throw new UserException("--jobs must be at least 1");
    }
    // Before any cache file is read (its clock probe must come first); --no-incremental hashes every file
    long recordNanos = PhaseTimes.start();
    VerificationRecord verified = VerificationRecord.open(project.info().workDir().resolve(VerificationRecord.FILE_NAME),
        project.info().upstreamCacheDir(), !noIncremental);
    recordNanos = PhaseTimes.start() - recordNanos;
    Templates templates = Templates.bundled(); // one Mustache factory and one set of compiled templates for both
    ComponentRenderer renderer = new ComponentRenderer(
        new UpstreamCacheSourceTreeProvider(upstreamCache.withLimits(UpstreamOptions.projectLimits(project.info()))
            .deferringLargeFileChecks().withRecord(verified)),
        templates, new OverlayEngine(mode));
    RenderRun run = new RenderRun(renderer, bumps, templates);
    if (!noIncremental) {
      run.withInputFingerprints(new RenderInputFingerprints(project, UpstreamCache.open(project.info().upstreamCacheDir()), mode.name(), currentLocks));
    }
    RenderLint lint = noLint ? null : new RenderLint(project, mode, bumps);
    if (lint != null) {
      run.afterRender(lint);
    }
    RenderOptions options = RenderOptions.into(out).withJobs(parallelism)
        .withCheck(check).withFailOnError(failOnError).withCleanStale(cleanStale);
    RenderSummary summary;
    Set<String> known = new HashSet<>(project.componentNames());
    List<String> findings = List.of();
    try (Progress progress = Progress.start(this, "render", components.size())) {
      summary = run.run(components, known, options, progress.stepper());
    }
    long saveStart = PhaseTimes.start();
    verified.save(known);
    recordNanos += PhaseTimes.start() - saveStart;
    for (String dir : summary.repairedSwaps()) {
      err().println("rpmoverlay: note: repaired " + dir + ": an earlier render was killed while replacing it; its previous content was restored");
    }
    report(summary, out);
    if (lint != null) {
      Map<String, ComponentResult> results = new HashMap<>();
      summary.results().forEach(r -> results.put(r.component(), r));
      findings = lint.findings(components, results::get);
      findings.forEach(err()::println);
    }
    t = PhaseTimes.start();
    recordShortcut(project, components, summary, findings, shortcut, inputScan); // shortcut: none for --check or another dir
    PhaseTimes.add(PhaseTimes.Phase.RECORD, t);
    if (timings) {
      // from the JVM's own start time to this command's start; management classes load only here
      long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      PhaseTimes.addMillis(PhaseTimes.Phase.START, startMillis - jvmStart);
      PhaseTimes.addMillis(PhaseTimes.Phase.TOTAL, System.currentTimeMillis() - jvmStart);
      Map<PhaseTimes.Phase, Long> times = PhaseTimes.times();
      PhaseTimes.millis().forEach((phase, ms) -> err().printf(java.util.Locale.ROOT, "timing: %-30s %7d ms %7dx%n", phase.label(), ms, times.get(phase)));
      err().printf(java.util.Locale.ROOT, "timing: %-30s %7d hashed %7d trusted (%s: probe and save %d ms)%n",
          "upstream cache files", verified.hashedCount(), verified.trustedCount(), VerificationRecord.FILE_NAME, recordNanos / 1_000_000);
    }
    int code = exitCode(summary);
    return code == ExitCodes.OK && strict && !findings.isEmpty() ? ExitCodes.FAILED : code;
  }

  /**
   * The whole-run shortcut ({@link RenderShortcut}) for this run: only for {@code -a} with
   * incremental render, the case where "nothing changed" is both common and costly to find out.
   */
  private Optional<RenderShortcut> shortcut() {
    if (!filter.all || noIncremental) {
      return Optional.empty();
    }
    compatMode(); // an unknown mode is reported by the ordinary path, never replayed
    return RenderShortcut.of(global(), outputDir, List.of("all", "compat=" + compat, "no-lint=" + noLint,
        "skip-lock-validation=" + skipLockValidation, "clean-stale=" + cleanStale, "fail-on-error=" + failOnError));
  }

  /** Replays a recorded run whose stamps have not moved, under the same locks the ordinary path takes. */
  private Optional<Integer> replay(RenderShortcut shortcut, long started) throws IOException {
    Optional<RenderShortcut.Recorded> recorded = shortcut.recorded();
    if (recorded.isEmpty()) {
      return Optional.empty();
    }
    long readNanos = PhaseTimes.start() - started;
    long scanNanos;
    Path out = shortcut.outputDir();
    String command = check ? "render --check" : "render";
    try (ProjectLock lock = locking.take(recorded.get().projectLock(), command, err());
        ProjectLock outLock = check && !Files.isWritable(out) ? null : locking.takeOutputDir(out, command, err())) {
      scanNanos = PhaseTimes.start();
      boolean unchanged = recorded.get().unchanged();
      scanNanos = PhaseTimes.start() - scanNanos;
      if (!unchanged) {
        earlierListings = recorded.get().listings(); // the check kept none of its own
        return Optional.empty();
      }
    }
    Optional<RenderShortcut.Outcome> recordedOutcome = recorded.get().outcome();
    if (recordedOutcome.isEmpty()) {
      earlierListings = recorded.get().listings();
      return Optional.empty();
    }
    RenderShortcut.Outcome outcome = recordedOutcome.get();
    if (!global().quiet()) {
      outcome.warnings().forEach(err()::println);
    }
    List<ComponentResult> results = check ? outcome.results().stream().map(RenderShortcut::asChecked).toList() : outcome.results();
    RenderSummary summary = new RenderSummary(results, List.of(), !check, List.of());
    report(summary, out);
    outcome.findings().forEach(err()::println);
    if (timings) {
      long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      err().printf(java.util.Locale.ROOT, "timing: %-30s %7d ms%n", PhaseTimes.Phase.START.label(), startMillis - jvmStart);
      err().printf(java.util.Locale.ROOT, "timing: %-30s %7d ms%n", "read the stamp record", readNanos / 1_000_000);
      err().printf(java.util.Locale.ROOT, "timing: %-30s %7d ms%n", "compare stamps", scanNanos / 1_000_000);
      err().printf(java.util.Locale.ROOT, "timing: %-30s %7d ms%n", "unchanged stamps (shortcut)",
          (PhaseTimes.start() - started) / 1_000_000);
    }
    int code = exitCode(summary);
    return Optional.of(code == ExitCodes.OK && strict && !outcome.findings().isEmpty() ? ExitCodes.FAILED : code);
  }

  /**
   * After a render that left every component's dir as rendered (or, for a failed one, holding its
   * failure marker or its earlier output), records the shortcut for the next run.
   */
  private void recordShortcut(Project project, List<ComponentConfig> components, RenderSummary summary, List<String> findings,
      Optional<RenderShortcut> shortcut, Optional<RenderShortcut.InputScan> inputScan) {
    if (shortcut.isEmpty()) {
      return;
    }
    List<ComponentResult> again = new ArrayList<>();
    for (ComponentResult r : summary.results()) {
      Optional<ComponentResult> rerun = summary.wrote() ? RenderShortcut.againWithoutChange(r) : Optional.empty();
      if (rerun.isEmpty()) {
        shortcut.get().forget();
        if (global().verbose()) {
          err().println("rpmoverlay: note: no stamp record for the next render -a (" + r.component() + ": " + r.error() + ")");
        }
        return;
      }
      again.add(rerun.get());
    }
    Map<String, ComponentResult> byName = new HashMap<>();
    again.forEach(r -> byName.put(r.component(), r));
    Path out = shortcut.get().outputDir();
    WrittenDirs holdsWhatWasWritten = new WrittenDirs(byName, IncrementalState.load(out), new OutputLayout(out));
    List<String> warnings = project.warnings().stream().map(w -> w.format(project.dir())).toList();
    shortcut.get().record(project, components, summary.writtenStamps(), holdsWhatWasWritten, new RenderShortcut.Outcome(again, warnings, findings),
        startMillis, inputScan)
        .filter(why -> global().verbose())
        .ifPresent(why -> err().println("rpmoverlay: note: no stamp record for the next render -a (" + why + ")"));
  }

  private Compat compatMode() {
    if (compat == null) {
      return Compat.DEFAULT;
    }
    return Compat.fromConfigName(compat).orElseThrow(() ->
        new UserException("unknown --compat mode '" + compat + "' (use 'current' or 'azldev-2026-04')"));
  }

  private static void checkSafeOutput(Path out, Project project) {
    if (out.getParent() == null || out.equals(project.dir().toAbsolutePath().normalize())) {
      throw new UserException("refusing to render into " + out + " (the file-system root or the project dir itself);"
          + " choose a dedicated output dir with -o");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserException("output path " + out + " exists and is not a directory");
    }
  }

  private int exitCode(RenderSummary summary) {
    if (check) {
      return summary.drifted().isEmpty() && summary.staleDirs().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
    return summary.failures() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static final OutputDrift EMPTY_DRIFT = new OutputDrift("", List.of(), List.of());

  private void report(RenderSummary summary, Path out) throws IOException {
    Map<String, OutputDrift> drifts = new TreeMap<>();
    for (ComponentResult r : summary.results()) {
      dev.rpmoverlay.overlay.SourceTree rendered = summary.checkedOutput().get(r.component());
      if (rendered != null) {
        drifts.put(r.component(), OutputDrift.of(r.component(), r.outputDir(), out.resolve(r.outputDir()), rendered));
      }
    }
    if (global().outputFormat() == OutputFormat.JSON) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("outputDir", out.toString());
      root.put("check", check);
      root.put("wrote", summary.wrote());
      ArrayNode list = root.putArray("components");
      for (ComponentResult r : summary.results()) {
        ObjectNode n = list.addObject();
        n.put("component", r.component());
        n.put("outputDir", r.outputDir());
        n.put("status", r.status().label());
        n.put("changed", r.changed());
        n.put("error", r.error());
        if (check && r.changed()) {
          ArrayNode files = n.putArray("files");
          for (OutputDrift.FileChange f : drifts.getOrDefault(r.component(), EMPTY_DRIFT).files()) {
            files.addObject().put("path", f.path()).put("change", f.kind().label()).put("modeOnly", f.modeOnly());
          }
        }
      }
      ArrayNode stale = root.putArray("staleDirs");
      summary.staleDirs().forEach(stale::add);
      out().println(mapper.writeValueAsString(root));
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (ComponentResult r : summary.results()) {
      if (r.changed() || r.failed()) {
        rows.add(new String[] {r.component(), r.status().label(), check ? (r.changed() ? "drift" : "-") : r.output().label(), r.error()});
      }
    }
    if (!rows.isEmpty()) {
      printTable(List.of("COMPONENT", "STATUS", check ? "CHECK" : "OUTPUT", "ERROR"), rows);
    }
    for (String dir : summary.staleDirs()) {
      out().println((check ? "stale: " : "removed stale: ") + dir);
    }
    Colors colors = Colors.stderr(global());
    if (check) {
      new DriftPrinter(out(), global().verbose()).print(drifts.values());
      info(colors.summary(RenderSummaryLine.ofCheck(summary), exitCode(summary) != ExitCodes.OK));
    } else {
      info(colors.summary(RenderSummaryLine.of(summary, noIncremental), summary.failures() > 0));
    }
  }

  /**
   * Prints the table with one write: the output stream flushes on every line, and a full distro's
   * table has 7,583 rows (a write per row was a tenth of a second of the serial tail of render -a).
   */
  private void printTable(List<String> header, List<String[]> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder table = new StringBuilder();
    appendRow(table, header.toArray(String[]::new), width);
    for (String[] row : rows) {
      appendRow(table, row, width);
    }
    out().print(table);
    out().flush();
  }

  private static void appendRow(StringBuilder table, String[] row, int[] width) {
    int start = table.length();
    for (int i = 0; i < row.length - 1; i++) {
      table.append(pad(row[i], width[i])).append("  ");
    }
    table.append(row[row.length - 1]);
    int end = table.length();
    while (end > start && Character.isWhitespace(table.charAt(end - 1))) {
      end--;
    }
    table.setLength(end);
    table.append(System.lineSeparator());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
