package dev.rpmoverlay.cli;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectFinder;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.render.ComponentResult;
import dev.rpmoverlay.render.DirListings;
import dev.rpmoverlay.render.IncrementalState;
import dev.rpmoverlay.render.OutputLayout;
import dev.rpmoverlay.render.ProjectLock;
import dev.rpmoverlay.render.TreeStamps;
import dev.rpmoverlay.render.WrittenStamps;
import dev.rpmoverlay.upstream.VerificationRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole-run shortcut of {@code render -a}: after a render that left every component's output
 * exactly as rendered, {@code <out>/.rpmoverlay-render-shortcut} records one digest of the stamps
 * ({@link TreeStamps}) of everything that render read or wrote — the project tree, the upstream
 * cache, the locks, every config file, local spec dirs, the output dir, the running jar, the git
 * metadata the Release bump reads — together with what the run printed. The next {@code render -a}
 * or {@code render -a --check} with the same options rescans the stamps (one {@code lstat} per
 * file, no contents, no TOML; a directory is read again only when its own stamp moved, see
 * {@link DirListings}) and, when the digest is the same, replays that outcome: nothing can
 * have changed, so rendering again would give the same bytes.
 *
 * <p>Any moved stamp, even of a file touched but left identical, only falls back to the ordinary
 * incremental render, which compares contents and re-renders nothing that is unchanged (and then
 * records new stamps). A record is written only when its stamps are provably those of the render's
 * inputs and outputs: no input changed after the run started (status-change times, which no tool
 * can set back), every output file changed during the run is in a component dir this run wrote and
 * still holds what it rendered, and the file-system clock has moved past the last write.
 */
final class RenderShortcut {
  static final String FILE_NAME = ".rpmoverlay-render-shortcut";
  private static final String HEADER = "# rpmoverlay render shortcut v3";
  /** The kinds of line that record the outcome, after every other line. */
  private static final Set<String> OUTCOME_LINES = Set.of("component", "warning", "finding");
  private static final Pattern RENDERED_SPECS_DIR = Pattern.compile("^\\s*rendered-specs-dir\\s*=\\s*\"([^\"\\\\]*)\"", Pattern.MULTILINE);

  /**
   * What rendering again would give: each component's result as an incremental re-render reports
   * it (nothing written), the config warnings and the lint findings.
   */
  record Outcome(List<ComponentResult> results, List<String> warnings, List<String> findings) {}

  private final Path out;
  private final String key;

  private RenderShortcut(Path out, String key) {
    this.out = out;
    this.key = key;
  }

  /**
   * The shortcut for a run with these options, given the output dir when {@code -o} named one;
   * without it, the dir is the project file's literal {@code rendered-specs-dir} (or the default
   * {@code specs}): only a guess, which the record confirms (it names the dir its config resolved
   * to, and the config's stamps must not have moved). Empty when the project cannot be found (the
   * ordinary path says why).
   */
  static Optional<RenderShortcut> of(RootCommand global, Path outputOption, List<String> options) {
    Path projectFile;
    Path out;
    try {
      projectFile = ProjectFinder.find(global.projectDir() != null ? global.projectDir() : Path.of("")).toAbsolutePath().normalize();
      if (outputOption != null) {
        out = outputOption.toAbsolutePath().normalize();
      } else {
        Matcher m = RENDERED_SPECS_DIR.matcher(Files.readString(projectFile, StandardCharsets.UTF_8));
        out = projectFile.getParent().resolve(m.find() ? m.group(1) : "specs").toAbsolutePath().normalize();
      }
    } catch (IOException | RuntimeException e) { // ConfigException too: the ordinary path reports it
      return Optional.empty();
    }
    // The project file found, not the working directory: what render prints is relative to the
    // project dir or absolute, so a check run from another directory may use the same record.
    List<String> k = new ArrayList<>(List.of(HEADER, "project-file=" + projectFile, "out=" + out + (outputOption == null ? " (default)" : ""),
        "permissive=" + global.permissiveConfig(), "java=" + System.getProperty("java.home") + " " + Runtime.version(),
        "lint-day=" + LintCommand.day(null)));
    global.extraConfigFiles().forEach(f -> k.add("config-file=" + f.toAbsolutePath().normalize()));
    k.addAll(options);
    // JGit reads the user's identity (for a lock changed but not committed) from these
    for (String var : List.of("HOME", "XDG_CONFIG_HOME", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM")) {
      k.add(var + "=" + System.getenv().getOrDefault(var, "\u0000unset"));
    }
    // Not SHA-256: the key only has to tell option sets apart, and the JDK's security providers,
    // which MessageDigest sets up first, cost a no-op check 20 ms before it reads anything.
    String digest = Hashing.murmur3_128().hashString(String.join("\n", k), StandardCharsets.UTF_8).toString();
    return Optional.of(new RenderShortcut(out, digest));
  }

  Path outputDir() {
    return out;
  }

  /**
   * A record of a run with the same options: its stamps, what they cover, its lock file, and its
   * outcome, read only when the stamps match ({@code text[outcomeFrom...]}): 7,583 results built up
   * front would be live through the scan's young collections, and are not needed when it fails.
   */
  record Recorded(String stamps, List<Path> roots, Set<Path> excluded, DirListings listings, Path projectLock, String text, int outcomeFrom) {
    /** Whether no stamp moved since the record was written. */
    boolean unchanged() {
      try {
        return stamps.equals(TreeStamps.digest(roots, excluded, listings.readOnly(), (f, c) -> {}));
      } catch (IOException | TreeStamps.UnstampableException | RuntimeException e) {
        return false;
      }
    }

    /** What the recorded run printed; empty when that part of the record is damaged (the ordinary path rewrites it). */
    Optional<Outcome> outcome() {
      List<ComponentResult> results = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<String> findings = new ArrayList<>();
      try {
        for (int pos = outcomeFrom, end; pos < text.length(); pos = end + 1) {
          end = text.indexOf('\n', pos);
          if (end < 0) {
            end = text.length();
          }
          int tab = text.indexOf('\t', pos);
          if (tab < 0 || tab > end) {
            return Optional.empty();
          }
          if (tab == pos + 9 && text.startsWith("component", pos)) {
            results.add(componentResult(text, tab + 1, end));
          } else if (tab == pos + 7 && text.startsWith("warning", pos)) {
            warnings.add(unescape(text.substring(tab + 1, end)));
          } else if (tab == pos + 7 && text.startsWith("finding", pos)) {
            findings.add(unescape(text.substring(tab + 1, end)));
          } else {
            return Optional.empty();
          }
        }
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      return Optional.of(new Outcome(results, warnings, findings));
    }
  }

  /** The record of a run with these options, if there is one (its stamps not yet checked). */
  Optional<Recorded> recorded() {
    Path file = out.resolve(FILE_NAME);
    String text;
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (!text.startsWith(HEADER + "\n")) {
      return Optional.empty();
    }
    String recordedKey = null;
    String stamps = null;
    Path lock = null;
    List<Path> roots = new ArrayList<>();
    Set<Path> excluded = new HashSet<>();
    DirListings.Reader listings = new DirListings.Reader(text);
    int outcomeFrom = text.length();
    // By hand over the whole text: the record has a line per directory (23,000 for the full
    // distro), and this runs at the start of every no-op check. The outcome's lines come last.
    try {
      for (int pos = HEADER.length() + 1, end; pos < text.length(); pos = end + 1) {
        end = text.indexOf('\n', pos);
        if (end < 0) {
          end = text.length();
        }
        int tab = text.indexOf('\t', pos);
        if (tab < 0 || tab > end) {
          return Optional.empty(); // damaged: the ordinary path rewrites it
        }
        if (tab == pos + 3 && text.startsWith("dir", pos)) {
          listings.line(tab + 1, end);
          continue;
        }
        if (OUTCOME_LINES.contains(text.substring(pos, tab))) {
          outcomeFrom = pos;
          break;
        }
        String value = text.substring(tab + 1, end);
        switch (text.substring(pos, tab)) {
          case "key" -> {
            if (!key.equals(value)) {
              return Optional.empty(); // another run's options: nothing else in it applies
            }
            recordedKey = value;
          }
          case "stamps" -> stamps = value;
          case "lock" -> lock = Path.of(value);
          case "root" -> roots.add(Path.of(value));
          case "exclude" -> excluded.add(Path.of(value));
          default -> {
            return Optional.empty();
          }
        }
      }
    } catch (IllegalArgumentException e) { // a damaged line, number, escape or path: the ordinary path rewrites the record
      return Optional.empty();
    }
    // The running code must be among what the stamps cover: a record written by another build at
    // another path, with the same options, says nothing about what this build would render.
    if (!key.equals(recordedKey) || stamps == null || lock == null || !covers(roots, excluded, codeLocation())) {
      return Optional.empty();
    }
    return Optional.of(new Recorded(stamps, roots, excluded, listings.listings(), lock, text, outcomeFrom));
  }

  /**
   * The result in {@code text[from, to)}: name, status, output and error, separated by tabs.
   *
   * @throws IllegalArgumentException if it is not one
   */
  private static ComponentResult componentResult(String text, int from, int to) {
    int t1 = text.indexOf('\t', from);
    int t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
    int t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
    if (t3 < 0 || t3 >= to || t1 == from) {
      throw new IllegalArgumentException("not a component result: " + text.substring(from, to));
    }
    String name = text.substring(from, t1);
    // nearly every line of a no-op record is "OK", "UNCHANGED", no error
    ComponentResult.Status status = text.startsWith("OK\t", t1 + 1) ? ComponentResult.Status.OK
        : ComponentResult.Status.valueOf(text.substring(t1 + 1, t2));
    ComponentResult.Output output = text.startsWith("UNCHANGED\t", t2 + 1) ? ComponentResult.Output.UNCHANGED
        : ComponentResult.Output.valueOf(text.substring(t2 + 1, t3));
    String error = t3 + 1 == to ? "" : unescape(text.substring(t3 + 1, to));
    return new ComponentResult(name, OutputLayout.letter(name) + "/" + name, status, error, false, output);
  }

  /** The stamps of a run's inputs (every root but the output dir), read on a background thread. */
  static final class InputScan {
    private final CompletableFuture<Scanned> scanned;

    private InputScan(CompletableFuture<Scanned> scanned) {
      this.scanned = scanned;
    }

    /** Waits for the scan; empty when it failed (then everything is scanned at the end). */
    Optional<Scanned> result() {
      try {
        return Optional.of(scanned.join());
      } catch (CompletionException | CancellationException e) {
        return Optional.empty();
      }
    }

    /** What was scanned: the roots, each input root's hash, and an input changed since the start, if any. */
    private record Scanned(Roots roots, List<HashCode> hashes, DirListings listings, Optional<Path> changed) {}
  }

  /**
   * Starts reading the stamps of the run's inputs while it checks locks and renders: in a cold
   * render that leaves a core idle while the locks are checked, and the inputs are most of the
   * entries a record covers. Stamps read at any moment after the run started are as good as stamps
   * read at its end, because a record is only written when no input changed after the start
   * (status-change time, which nothing can set back): an input changed after its stamp was read
   * either moves it (the next run takes the ordinary path) or was changed since the start (no
   * record). {@code earlier} are the listings of the previous record, if one was read.
   */
  InputScan scanInputs(Project project, List<String> names, long startMillis, Supplier<DirListings> earlierListings) {
    CompletableFuture<InputScan.Scanned> scanned = CompletableFuture.supplyAsync(() -> {
      try {
        DirListings earlier = earlierListings.get();
        List<ComponentConfig> components = names.stream().map(project::resolve).toList();
        Roots roots = roots(project, components);
        List<Path> inputs = roots.paths().subList(0, roots.paths().size() - 1);
        AtomicReference<Path> changed = new AtomicReference<>();
        List<HashCode> hashes = TreeStamps.rootHashes(inputs, roots.excluded(), earlier, (f, stamp) -> {
          if (changedSince(stamp.ctimeNanos(), startMillis)) {
            changed.compareAndSet(null, f);
          }
        });
        return new InputScan.Scanned(roots, hashes, earlier, Optional.ofNullable(changed.get()));
      } catch (IOException | TreeStamps.UnstampableException e) {
        throw new CompletionException(e);
      }
    }, runnable -> {
      Thread t = new Thread(runnable, "rpmoverlay-input-stamps");
      t.setDaemon(true); // a failed render does not wait for it
      t.start();
    });
    return new InputScan(scanned);
  }

  private static boolean changedSince(long ctimeNanos, long startMillis) {
    return ctimeNanos >= startMillis * 1_000_000 - TreeStamps.FileStamp.tickMargin(ctimeNanos);
  }

  /** The proof by content that component dirs hold what the run left in them ({@link WrittenDirs}). */
  @FunctionalInterface
  interface ContentProof {
    /** Those of {@code components} whose dir does not hold what the run left in it. */
    Set<String> notHolding(Set<String> components);
  }

  /**
   * Records a finished render that wrote every component's output (no failure, no drift left),
   * if its stamps can be proven to be those of what it read and wrote; otherwise removes any
   * older record. Never fails the render: without a record, the next run takes the ordinary path.
   *
   * @return why no record was written (for {@code -v}); empty when one was
   *
   * @param startMillis when the run started, before it read any input
   * @param wrote the stamps of what the run wrote, where they prove a dir unchanged since
   * @param written the proof by content, for a dir changed during the run that the stamps do not prove
   */
  Optional<String> record(Project project, List<ComponentConfig> components, WrittenStamps wrote, ContentProof written, Outcome outcome,
      long startMillis, Optional<InputScan> inputScan) {
    Path file = out.resolve(FILE_NAME);
    Path tmp = out.resolve(FILE_NAME + ".tmp");
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(tmp);
      Optional<Long> clock = clockPastLastWrite(tmp);
      if (clock.isEmpty()) {
        return Optional.of("the file-system clock of " + out + " did not move within 100 ms");
      }
      Roots roots = roots(project, components);
      Set<String> toVerify = ConcurrentHashMap.newKeySet();
      Map<String, Map<String, TreeStamps.FileStamp>> seen = new ConcurrentHashMap<>();
      AtomicReference<Path> foreign = new AtomicReference<>();
      long after = clock.get();
      Optional<InputScan.Scanned> inputs = inputScan.flatMap(InputScan::result).filter(i -> i.roots().equals(roots));
      if (inputs.isPresent() && inputs.get().changed().isPresent()) {
        return Optional.of(inputs.get().changed().get() + " changed while render ran");
      }
      DirListings listings = inputs.map(InputScan.Scanned::listings).orElse(DirListings.none());
      boolean inputsRead = listings.reads() > 0 || inputs.isEmpty(); // some input directory's names not known before
      List<Path> scanNow = inputs.isPresent() ? List.of(out) : roots.paths();
      List<HashCode> hashes = new ArrayList<>(inputs.map(InputScan.Scanned::hashes).orElse(List.of()));
      hashes.addAll(TreeStamps.rootHashes(scanNow, roots.excluded(), listings, (f, stamp) -> {
        long ctime = stamp.ctimeNanos();
        boolean changedSinceStart = changedSince(ctime, startMillis);
        if (!f.startsWith(out)) {
          if (changedSinceStart) {
            foreign.compareAndSet(null, f);
          }
          return;
        }
        Optional<String> component = componentOf(f);
        component.filter(c -> wrote.of(c).isPresent())
            .ifPresent(c -> seen.computeIfAbsent(c, k -> new ConcurrentHashMap<>()).put(pathInComponentDir(f), stamp));
        if (ctime >= after) {
          foreign.compareAndSet(null, f); // changed after this run's last write
        } else if (changedSinceStart) {
          if (component.isPresent()) {
            toVerify.add(component.get());
          } else {
            foreign.compareAndSet(null, f);
          }
        }
      }));
      String stamps = TreeStamps.combine(roots.paths(), hashes);
      if (foreign.get() != null) {
        return Optional.of(foreign.get() + " changed while render ran");
      }
      Set<String> unproven = new TreeSet<>();
      for (String name : toVerify) {
        // every file render wrote, and no other, with the stamp it had right after the write
        Optional<Map<String, TreeStamps.FileStamp>> stamped = wrote.of(name);
        if (stamped.isEmpty() || !stamped.get().equals(seen.get(name))) {
          unproven.add(name);
        }
      }
      Set<String> notHolding = new TreeSet<>(written.notHolding(unproven));
      if (!notHolding.isEmpty()) {
        return Optional.of("the output of " + notHolding.iterator().next() + " is not what render wrote");
      }
      StringBuilder sb = new StringBuilder(HEADER).append('\n');
      sb.append("key\t").append(key).append('\n').append("stamps\t").append(stamps).append('\n');
      sb.append("lock\t").append(roots.projectLock()).append('\n');
      roots.paths().forEach(r -> sb.append("root\t").append(r).append('\n'));
      roots.excluded().stream().map(Path::toString).sorted().forEach(e -> sb.append("exclude\t").append(e).append('\n'));
      listings.write(sb, "dir\t", after);
      outcome.results().forEach(r -> sb.append("component\t").append(r.component()).append('\t').append(r.status().name())
          .append('\t').append(r.output().name()).append('\t').append(escape(r.error())).append('\n'));
      outcome.warnings().forEach(w -> sb.append("warning\t").append(escape(w)).append('\n'));
      outcome.findings().forEach(w -> sb.append("finding\t").append(escape(w)).append('\n'));
      Files.writeString(tmp, sb, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (inputsRead) {
        keepInputListings(project, listings, after);
      }
      return Optional.empty();
    } catch (IOException | TreeStamps.UnstampableException | RuntimeException e) {
      return Optional.of(e.toString()); // no record: the next run takes the ordinary (incremental) path
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover .tmp is excluded from the stamps and replaced by the next record
      }
    }
  }

  /** The input listings, for a later render -a into another output dir ({@link KeptInputListings}); only an optimisation. */
  private void keepInputListings(Project project, DirListings listings, long beforeNanos) {
    String output = out.toString();
    try {
      KeptInputListings.write(project.info().workDir(), listings, root -> !root.equals(output), beforeNanos);
    } catch (IOException | RuntimeException e) {
      // the next render -a into a new output dir reads every input directory
    }
  }

  /** Removes the record, e.g. after a render that failed or left drift. */
  void forget() {
    try {
      Files.deleteIfExists(out.resolve(FILE_NAME));
    } catch (IOException ignored) {
      // the key or the stamps of the output dir no longer match a failed run anyway
    }
  }

  /**
   * The file system's own clock, in nanoseconds, once it has moved past every write so far: the
   * modification time of {@code probe} written now, after waiting for it to differ from a first
   * write (file times advance in ticks, so a file written in the tick the stamps are read could
   * change again without its stamp moving). Empty when the clock does not move within 100 ms
   * (a file system with coarse times: no record).
   */
  private static Optional<Long> clockPastLastWrite(Path probe) throws IOException {
    Files.write(probe, new byte[] {0}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    long first = mtime(probe);
    for (int i = 0; i < 100; i++) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      Files.write(probe, new byte[] {(byte) i}, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      long now = mtime(probe);
      if (now > first) {
        return Optional.of(now);
      }
    }
    return Optional.empty();
  }

  private static long mtime(Path p) throws IOException {
    return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).to(TimeUnit.NANOSECONDS);
  }

  /** The component whose dir ({@code <out>/<letter>/<name>/...}) holds {@code f}. */
  private Optional<String> componentOf(Path f) {
    Path rel = out.relativize(f);
    return rel.getNameCount() >= 3 ? Optional.of(rel.getName(1).toString()) : Optional.empty();
  }

  /** The path of {@code f} in its component's dir, as render names the files it writes there. */
  private String pathInComponentDir(Path f) {
    Path rel = out.relativize(f);
    return rel.subpath(2, rel.getNameCount()).toString().replace('\\', '/');
  }

  /** What the stamps cover, and what they leave out (the run's own bookkeeping files). */
  private record Roots(List<Path> paths, Set<Path> excluded, Path projectLock) {}

  private Roots roots(Project project, List<ComponentConfig> components) {
    Set<Path> inputs = new LinkedHashSet<>();
    Path projectDir = abs(project.dir());
    inputs.add(projectDir);
    inputs.add(abs(project.info().upstreamCacheDir()));
    inputs.add(abs(project.info().lockDir()));
    project.configFiles().forEach(f -> inputs.add(abs(f)));
    project.deferredFiles().forEach(f -> inputs.add(abs(f)));
    for (ComponentConfig c : components) {
      if (c.spec().isLocal()) {
        c.spec().path().ifPresent(p -> inputs.add(abs(p)));
      }
    }
    inputs.add(codeLocation());
    Set<Path> excluded = new HashSet<>();
    Path projectLock = abs(project.info().workDir().resolve(ProjectLock.FILE_NAME));
    for (String name : List.of(FILE_NAME, FILE_NAME + ".tmp", IncrementalState.FILE_NAME, IncrementalState.FILE_NAME + ".tmp",
        OutputLayout.LOCK_FILE)) {
      excluded.add(out.resolve(name));
    }
    excluded.add(projectLock);
    // render's own record of verified cache files, written during the run (in the project dir when work-dir = ".")
    excluded.add(abs(project.info().workDir().resolve(VerificationRecord.FILE_NAME)));
    excluded.add(abs(project.info().workDir().resolve(KeptInputListings.FILE_NAME)));
    excluded.add(abs(project.info().workDir().resolve(KeptInputListings.FILE_NAME + ".tmp")));
    excluded.add(out);
    gitMetadata(abs(project.info().lockDir()), inputs, excluded);
    // Dirs the project declares for other output: never render inputs (unless an input lives there)
    for (Path d : List.of(project.info().workDir(), project.info().logDir(), project.info().outputDir(), project.info().renderedSpecsDir())) {
      Path dir = abs(d);
      if (!dir.equals(projectDir) && inputs.stream().noneMatch(i -> i.startsWith(dir))) {
        excluded.add(dir);
      }
    }
    List<Path> roots = new ArrayList<>();
    for (Path r : inputs) {
      if (inputs.stream().noneMatch(o -> !o.equals(r) && r.startsWith(o) && excluded.stream().noneMatch(e -> r.startsWith(e) && e.startsWith(o)))) {
        roots.add(r);
      }
    }
    roots.add(out);
    return new Roots(roots, excluded, projectLock);
  }

  /**
   * The git files the Release bump's history walk depends on (HEAD, refs, shallow, config, index,
   * and the user's and system's git config); the object store is left out, as objects never change.
   */
  private static void gitMetadata(Path lockDir, Set<Path> inputs, Set<Path> excluded) {
    for (Path dir = lockDir; dir != null; dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (!Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      excluded.add(dotGit); // the object store never changes what is already there
      List<Path> gitDirs = new ArrayList<>();
      Path gitDir = dotGit;
      if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        try {
          String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
          gitDir = dir.resolve(text.substring(text.indexOf(':') + 1).strip()).normalize();
        } catch (IOException | RuntimeException e) {
          gitDir = dotGit;
        }
      }
      gitDirs.add(gitDir);
      Path common = gitDir.resolve("commondir");
      if (Files.isRegularFile(common)) {
        try {
          gitDirs.add(gitDir.resolve(Files.readString(common, StandardCharsets.UTF_8).strip()).normalize());
        } catch (IOException e) {
          gitDirs.add(common);
        }
      }
      for (Path g : gitDirs) {
        for (String name : List.of("HEAD", "packed-refs", "refs", "shallow", "config", "index", "commondir")) {
          inputs.add(abs(g.resolve(name)));
        }
      }
      if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        inputs.add(dotGit);
      }
      break;
    }
    String home = System.getProperty("user.home");
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".config");
    inputs.add(abs(Path.of(home, ".gitconfig")));
    inputs.add(abs(config.resolve("git/config")));
    inputs.add(abs(config.resolve("jgit/config")));
    inputs.add(Path.of("/etc/gitconfig"));
  }

  /**
   * Whether the stamps of {@code roots} cover {@code path}: it is a root or lies under one (the jar
   * of a checkout is under the project dir when the checkout is the project, as the shipped one
   * is; then it is no root of its own) and no exclusion holds it.
   */
  static boolean covers(List<Path> roots, Set<Path> excluded, Path path) {
    return roots.stream().anyMatch(path::startsWith) && excluded.stream().noneMatch(path::startsWith);
  }

  private static Path codeLocation() {
    try {
      return abs(Path.of(RenderShortcut.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // a run whose code cannot be located must never be matched by another build's record
      return Path.of("/nonexistent-code-location-" + System.nanoTime());
    }
  }

  private static Path abs(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /**
   * What {@code --check} reports for a component whose re-render wrote nothing: a failed one whose
   * dir holds only its failure marker is no drift; one that kept earlier real output is.
   */
  static ComponentResult asChecked(ComponentResult r) {
    if (r.output() == ComponentResult.Output.KEPT) {
      return new ComponentResult(r.component(), r.outputDir(), r.status(), r.error(), true, ComponentResult.Output.KEPT);
    }
    return r.withOutput(ComponentResult.Output.UNCHANGED);
  }

  /**
   * What an incremental re-render with nothing changed reports for a component with result
   * {@code r}; empty when that cannot be known (an I/O failure may not repeat).
   */
  static Optional<ComponentResult> againWithoutChange(ComponentResult r) {
    if (!r.failed()) {
      return Optional.of(new ComponentResult(r.component(), r.outputDir(), ComponentResult.Status.OK, "", false, ComponentResult.Output.UNCHANGED));
    }
    boolean renderError = !r.error().startsWith("component " + r.component() + ": cannot ")
        && !r.error().startsWith("component " + r.component() + ": internal error");
    if (renderError && (r.output() == ComponentResult.Output.MARKER || r.output() == ComponentResult.Output.KEPT)) {
      return Optional.of(new ComponentResult(r.component(), r.outputDir(), r.status(), r.error(), false, r.output()));
    }
    return Optional.empty();
  }

  /** Whether {@code dir} holds only a failure marker that reports {@code error}. */
  static boolean holdsMarker(Path dir, String error) {
    try (var files = Files.list(dir)) {
      List<Path> all = files.toList();
      return all.size() == 1 && all.get(0).getFileName().toString().equals(OutputLayout.FAILED_MARKER)
          && Files.isRegularFile(all.get(0), java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && Files.readString(all.get(0), java.nio.charset.StandardCharsets.UTF_8).contains(error);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * {@code s} on one line, and in ASCII: a single character beyond Latin-1 (a dash in a lint
   * finding) would make the JVM hold the whole 2 MB record, and every name and number read out of
   * it, as UTF-16 instead of one byte per character.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x80) {
            sb.append(c);
          } else {
            String hex = Integer.toHexString(c);
            sb.append("\\u").append("000", hex.length() - 1, 3).append(hex);
          }
        }
      }
    }
    return sb.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        if (n == 'u' && i + 4 < s.length()) {
          sb.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
          i += 4;
        } else {
          sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
