package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayFailure;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.release.DownstreamCommit;
import dev.rpmoverlay.upstream.KillPoints;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Renders many components into an output dir (docs/azldev-compatibility.md §4.1, 4.8).
 *
 * <ol>
 *   <li>In parallel, each component is rendered in memory and compared with its current dir; a
 *       changed one is written to staging. A component that fails to render keeps its previous
 *       output; only when it has none does it get a {@code RENDER_FAILED} marker holding the error.
 *       A failure does not stop the others.
 *   <li>Then, one component at a time in name order, each staged dir is swapped into place. With
 *       {@code --check} nothing is swapped; with {@code --fail-on-error} nothing is swapped when any
 *       component failed, so the previous output stays exactly as it was.
 * </ol>
 *
 * A component whose staging write fails keeps its previous output and is reported as an error.
 * Output bytes do not depend on the number of jobs: each component is rendered independently and
 * results are reported in name order.
 */
public final class RenderRun {
  private final ComponentRenderer renderer;
  private final Function<ComponentConfig, List<DownstreamCommit>> downstream;
  private final Templates templates;
  private final FaultInjector faults;
  private final CreationModes creationModes = new CreationModes();
  private InputFingerprints inputFingerprints = c -> Optional.empty();
  private Rendered rendered = (component, inputs, upstream, result) -> {};
  private LongSupplier wallClockNanos = RenderRun::wallClockNanos;

  /**
   * Told about every component this run renders without error, on the worker thread that rendered
   * it, with the upstream files render read: what looks at a rendering next (render's lint) needs
   * neither to read the cache nor to render again. Told too, with the same fingerprint, about a
   * component skipped as unchanged, so that what it keeps about a rendering can be found again.
   */
  @FunctionalInterface
  public interface Rendered {
    /**
     * @param inputs the component's input fingerprint, its downstream changes included (what an
     *     incremental render compares); empty when it has none
     * @param upstream the component's upstream files as render read them (unchanged by it)
     */
    void rendered(ComponentConfig component, Optional<String> inputs, SourceTree upstream, RenderedComponent result);

    /** {@code component} was not rendered: an earlier run rendered it from {@code inputs} into what its dir holds. */
    default void unchanged(ComponentConfig component, String inputs) {}
  }

  /** @param downstream each component's downstream changes, oldest first (see {@link LockHistoryBumps}) */
  public RenderRun(ComponentRenderer renderer, Function<ComponentConfig, List<DownstreamCommit>> downstream, Templates templates) {
    this(renderer, downstream, templates, FaultInjector.NONE);
  }

  /** With a hook before each file write, so tests in this package can make writing fail midway. */
  RenderRun(ComponentRenderer renderer, Function<ComponentConfig, List<DownstreamCommit>> downstream, Templates templates, FaultInjector faults) {
    this.renderer = renderer;
    this.downstream = downstream;
    this.templates = templates;
    this.faults = faults;
  }

  /** The wall clock, in nanoseconds since the epoch, that decides which write stamps have settled (tests set it). */
  RenderRun withWallClock(LongSupplier nanos) {
    this.wallClockNanos = nanos;
    return this;
  }

  /**
   * Enables incremental render: a component whose input fingerprint (empty: unknown, always render)
   * and output dir are unchanged since the last run is not rendered again (see {@link IncrementalState}).
   */
  public RenderRun withInputFingerprints(InputFingerprints fingerprints) {
    this.inputFingerprints = fingerprints;
    return this;
  }

  /**
   * Hands every component rendered without error, and every one skipped as unchanged, to {@code
   * rendered} (called from the worker threads).
   */
  public RenderRun afterRender(Rendered rendered) {
    this.rendered = rendered;
    return this;
  }

  /**
   * The outcome of phase 1 for one component; {@code checked} is what render gave for a component
   * that drifted under {@code --check} (null otherwise), so that the caller can show the drift.
   */
  private record Prepared(ComponentResult result, Path staged, SourceTree checked, Map<String, TreeStamps.FileStamp> stamps) {
    Prepared(ComponentResult result, Path staged) {
      this(result, staged, null, null);
    }

    Prepared(ComponentResult result, Path staged, SourceTree checked) {
      this(result, staged, checked, null);
    }
  }

  /**
   * Renders {@code components}.
   *
   * @param allComponentNames every component of the project, for {@code --clean-stale}
   * @param progress called once per component as it finishes (from worker threads)
   */
  public RenderSummary run(List<ComponentConfig> components, Set<String> allComponentNames, RenderOptions options,
      Consumer<ComponentResult> progress) throws IOException {
    OutputLayout layout = new OutputLayout(options.outDir());
    Path staging = layout.stagingRoot();
    // --check writes nothing, so it works on an output dir it cannot write to
    List<String> repaired = options.check() ? List.of() : InterruptedSwaps.repair(layout);
    if (!options.check()) {
      ComponentOutput.deleteTree(staging);
      Files.createDirectories(staging);
    }
    try {
      List<ComponentConfig> sorted = new ArrayList<>(components);
      sorted.sort(Comparator.comparing(ComponentConfig::name));
      IncrementalState state = IncrementalState.load(options.outDir());
      long t = PhaseTimes.start();
      List<Prepared> prepared = prepareAll(sorted, layout, options, progress, state);
      PhaseTimes.add(PhaseTimes.Phase.PARALLEL, t); // the phases below, up to compare and stage, run in this span
      boolean anyFailed = prepared.stream().anyMatch(p -> p.result().failed());
      boolean write = !options.check() && !(options.failOnError() && anyFailed);
      List<ComponentResult> results = new ArrayList<>();
      Map<String, SourceTree> drifted = new TreeMap<>();
      Map<String, Map<String, TreeStamps.FileStamp>> settled = new HashMap<>();
      Set<Path> readyParents = new HashSet<>();
      for (Prepared p : prepared) {
        ComponentResult r = p.result();
        if (p.checked() != null) {
          drifted.put(r.component(), p.checked());
        }
        if (!write && (r.output() == ComponentResult.Output.WRITTEN || r.output() == ComponentResult.Output.MARKER)) {
          r = r.withOutput(ComponentResult.Output.NOT_WRITTEN);
        }
        if (write && p.staged() != null) {
          t = PhaseTimes.start();
          try {
            // Read before the rename: the dir becomes visible only after it.
            long now = wallClockNanos.getAsLong();
            ComponentOutput.swapIn(p.staged(), layout.componentDir(r.component()), layout.setAsideDir(r.component()), readyParents);
            PhaseTimes.add(PhaseTimes.Phase.SWAP, t);
            if (p.stamps() != null && p.stamps().values().stream().allMatch(f -> f.settled(now))) {
              settled.put(r.component(), p.stamps());
            }
          } catch (IOException e) {
            r = new ComponentResult(r.component(), r.outputDir(), ComponentResult.Status.ERROR,
                "component " + r.component() + ": " + OsErrors.describe("cannot move the rendered files into place at", e), r.changed(),
                ComponentResult.Output.KEPT);
          }
        }
        results.add(r);
      }
      List<String> stale = options.cleanStale() ? staleDirs(options.outDir(), allComponentNames) : List.of();
      if (write) {
        for (String dir : stale) {
          Path d = options.outDir().resolve(dir);
          ComponentOutput.discard(d, layout.trashDir(dir.replace('/', '_')));
          try (var rest = Files.list(d.getParent())) {
            if (rest.findAny().isEmpty()) {
              Files.delete(d.getParent());
            }
          }
        }
      }
      if (write) {
        stale.forEach(dir -> state.forget(dir.substring(dir.indexOf('/') + 1)));
        KillPoints.reach("render-swapped-all");
        try {
          state.save();
        } catch (IOException e) {
          // Every component dir is already in place; without the state file the next render only
          // renders everything again, so this must not turn a finished render into a failure.
        }
      }
      return new RenderSummary(results, stale, write, repaired, drifted, new WrittenStamps(settled));
    } finally {
      ComponentOutput.deleteTree(staging);
    }
  }

  private List<Prepared> prepareAll(List<ComponentConfig> sorted, OutputLayout layout, RenderOptions options,
      Consumer<ComponentResult> progress, IncrementalState state) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, sorted.size())), r -> {
      Thread t = new Thread(r, "render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Prepared>> futures = new ArrayList<>();
      for (ComponentConfig c : sorted) {
        futures.add(pool.submit(() -> {
          Prepared p = prepare(c, layout, options, state);
          progress.accept(p.result());
          return p;
        }));
      }
      List<Prepared> out = new ArrayList<>();
      for (Future<Prepared> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("render interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A digest of every field of {@code changes}, each length-prefixed, so no two lists share one. */
  private static String changesDigest(List<DownstreamCommit> changes) {
    com.google.common.hash.Hasher hasher = com.google.common.hash.Hashing.sha256().newHasher();
    hasher.putInt(changes.size());
    for (DownstreamCommit change : changes) {
      for (String field : List.of(change.message(), change.authorName(), change.authorEmail(), change.date().toString())) {
        hasher.putInt(field.length()).putString(field, StandardCharsets.UTF_8);
      }
    }
    return hasher.hash().toString();
  }

  private Prepared prepare(ComponentConfig c, OutputLayout layout, RenderOptions options, IncrementalState state) {
    String name = c.name();
    String relDir = OutputLayout.letter(name) + "/" + name;
    // The downstream changes come from the project's history, not from the inputs the fingerprint
    // covers; they bump the Release and (with rpmautospec) add changelog entries, so they are part
    // of what must be unchanged for a skip.
    Optional<String> fingerprint = Optional.empty();
    List<DownstreamCommit> changes = null;
    String changesId = null;
    try {
      changes = downstream.apply(c);
      changesId = "+downstream:" + changesDigest(changes);
    } catch (RuntimeException e) {
      // the render below reports it
    }
    // Only a component the state has a record of can be skipped; any other one is fingerprinted
    // from what is read for its render below (in a cold render, that saves reading every cache
    // entry's metadata twice).
    boolean skippable = state.mayBeUnchanged(name);
    if (changesId != null && skippable) {
      String id = changesId;
      fingerprint = fingerprint(c).map(f -> f + id);
    }
    if (fingerprint.isPresent() && state.unchanged(name, fingerprint.get(), layout.componentDir(name))) {
      rendered.unchanged(c, fingerprint.get());
      return new Prepared(new ComponentResult(name, relDir, ComponentResult.Status.OK, "", false), null);
    }
    SourceTree tree = null;
    String digest = null;
    String error = "";
    UpstreamSources upstream = null;
    RenderedComponent result = null;
    try {
      upstream = renderer.read(c);
      if (changesId != null && !skippable) {
        String id = changesId;
        fingerprint = fingerprintAfterRead(c, upstream).map(f -> f + id);
      }
      result = renderer.render(c, upstream, changes != null ? changes : downstream.apply(c));
      tree = result.files();
      // Reads every stored (large) file once, a chunk at a time, checking its hash again.
      digest = IncrementalState.digest(tree);
    } catch (OverlayFailure | RenderException | UpstreamException e) {
      error = e.getMessage();
    } catch (UncheckedIOException e) {
      error = "component " + name + ": " + OsErrors.describe("cannot read its upstream files", e.getCause());
    } catch (RuntimeException e) {
      error = "component " + name + ": internal error: " + e;
    } catch (OutOfMemoryError e) {
      // Files that render only copies are streamed; what is read whole (the spec, a file an overlay
      // edits) can still exceed the heap. Its array is allocated at once, so the failed allocation
      // left the heap as it was: fail this component, not the run.
      tree = null;
      error = "component " + name + ": ran out of memory while rendering (" + e.getMessage() + "): the spec and every file"
          + " an overlay edits are read whole; give the JVM a larger heap (-Xmx, in RPMOVERLAY_JAVA_OPTS for ./rpmoverlay)";
    }
    if (digest != null) {
      rendered.rendered(c, fingerprint, upstream.tree(), result);
    }
    Path target = layout.componentDir(name);
    if (digest == null) {
      state.forget(name);
      Optional<Prepared> kept = keepPrevious(name, relDir, error, target, options);
      if (kept.isPresent()) {
        return kept.get();
      }
      tree = failedMarker(error);
    }
    ComponentResult.Status status = error.isEmpty() ? ComponentResult.Status.OK : ComponentResult.Status.ERROR;
    if (error.isEmpty()) {
      // Without a fingerprint the component is never skipped, but the digest of what it wrote still
      // lets the stamp shortcut (RenderShortcut in cli) prove its dir was not changed afterwards.
      state.record(name, fingerprint.orElse(IncrementalState.NO_FINGERPRINT), digest);
    } else {
      state.forget(name);
    }
    boolean changed;
    long t = PhaseTimes.start();
    try {
      changed = !ComponentOutput.matches(target, tree);
    } catch (IOException e) {
      return new Prepared(new ComponentResult(name, relDir, ComponentResult.Status.ERROR,
          "component " + name + ": " + OsErrors.describe("cannot read the current output", e), true), null);
    } catch (UpstreamException e) {
      // a stored upstream file changed after the digest above read it: the dir stays as it is
      state.forget(name);
      return new Prepared(new ComponentResult(name, relDir, ComponentResult.Status.ERROR, e.getMessage(), true,
          Files.exists(target) ? ComponentResult.Output.KEPT : ComponentResult.Output.NOT_WRITTEN), null);
    } finally {
      PhaseTimes.add(PhaseTimes.Phase.COMPARE, t);
    }
    ComponentResult.Output output = !error.isEmpty() ? ComponentResult.Output.MARKER
        : changed ? ComponentResult.Output.WRITTEN : ComponentResult.Output.UNCHANGED;
    if (!changed || options.check()) {
      return new Prepared(new ComponentResult(name, relDir, status, error, changed,
          options.check() && changed ? ComponentResult.Output.NOT_WRITTEN : output), null, options.check() && changed ? tree : null);
    }
    Path staged = layout.stagedDir(name);
    t = PhaseTimes.start();
    Optional<Map<String, TreeStamps.FileStamp>> stamps;
    try {
      stamps = ComponentOutput.stage(staged, tree, faults, creationModes);
      PhaseTimes.add(PhaseTimes.Phase.WRITE, t);
      KillPoints.reach("render-staged");
    } catch (IOException | RuntimeException e) {
      try {
        ComponentOutput.deleteTree(staged);
      } catch (IOException ignored) {
        // the staging root is removed at the end of the run anyway
      }
      // a large cached file that failed its hash check on the way is a corrupt entry, not a write error
      String why = e instanceof UpstreamException ? e.getMessage()
          : "component " + name + ": cannot write the rendered files (previous output kept): "
              + (e instanceof IOException io ? OsErrors.detail(io) : e.getMessage());
      if (e instanceof UpstreamException) {
        state.forget(name);
      }
      // nothing was swapped in: say what the dir holds now, not "written" (issue 18 item 16)
      return new Prepared(new ComponentResult(name, relDir, ComponentResult.Status.ERROR, why, true,
          Files.exists(target) ? ComponentResult.Output.KEPT : ComponentResult.Output.NOT_WRITTEN), null);
    }
    return new Prepared(new ComponentResult(name, relDir, status, error, true, output), staged, null, stamps.orElse(null));
  }

  private static long wallClockNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * A failed component whose dir holds real output (not only a failure marker) keeps it: the last
   * good output is worth more than a marker. With {@code --check} that counts as drift (what is
   * committed is no longer what render gives), a dir holding only a marker of any text does not.
   */
  private static Optional<Prepared> keepPrevious(String name, String relDir, String error, Path target, RenderOptions options) {
    Optional<Boolean> markerOnly = ComponentOutput.markerOnly(target);
    if (markerOnly.isEmpty()) {
      return Optional.empty(); // no previous output: write the marker
    }
    boolean drift = !markerOnly.get();
    if (markerOnly.get() && !options.check()) {
      return Optional.empty(); // rewrite the marker so that it holds this run's error
    }
    ComponentResult.Output output = markerOnly.get() ? ComponentResult.Output.UNCHANGED : ComponentResult.Output.KEPT;
    return Optional.of(new Prepared(new ComponentResult(name, relDir, ComponentResult.Status.ERROR, error, options.check() && drift, output), null));
  }

  private Optional<String> fingerprint(ComponentConfig c) {
    try {
      return inputFingerprints.apply(c);
    } catch (RuntimeException e) {
      return Optional.empty(); // the render itself reports what is wrong with the inputs
    }
  }

  private Optional<String> fingerprintAfterRead(ComponentConfig c, UpstreamSources read) {
    try {
      return inputFingerprints.afterRead(c, read);
    } catch (RuntimeException e) {
      return Optional.empty(); // the render itself reports what is wrong with the inputs
    }
  }

  private SourceTree failedMarker(String error) {
    SourceTree marker = new SourceTree();
    marker.put(OutputLayout.FAILED_MARKER,
        new TreeFile(templates.render(Templates.RENDER_FAILED, Map.of("error", error)).getBytes(StandardCharsets.UTF_8), false));
    return marker;
  }

  /**
   * {@code <letter>/<dir>} entries that are no component's dir and that render itself wrote: the
   * letter is the dir's own, and the dir holds a rendered spec ({@code <dir>.spec}) or a failure
   * marker. Anything else in the output dir (a user's file, a dir of another tool) is never
   * deleted, so pointing the output at the wrong place cannot destroy it.
   */
  static List<String> staleDirs(Path outDir, Set<String> componentNames) throws IOException {
    Map<String, Boolean> found = new TreeMap<>();
    if (!Files.isDirectory(outDir)) {
      return List.of();
    }
    try (DirectoryStream<Path> letters = Files.newDirectoryStream(outDir)) {
      for (Path letter : letters) {
        String l = letter.getFileName().toString();
        if (l.codePointCount(0, l.length()) != 1 || !Files.isDirectory(letter, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(letter)) {
          for (Path d : dirs) {
            String name = d.getFileName().toString();
            if (Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !componentNames.contains(name)
                && l.equals(OutputLayout.letter(name)) && renderedHere(d, name)) {
              found.put(l + "/" + name, true);
            }
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return List.copyOf(found.keySet());
  }

  private static boolean renderedHere(Path dir, String name) {
    return Files.isRegularFile(dir.resolve(name + ".spec"), java.nio.file.LinkOption.NOFOLLOW_LINKS)
        || Files.isRegularFile(dir.resolve(OutputLayout.FAILED_MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }
}
