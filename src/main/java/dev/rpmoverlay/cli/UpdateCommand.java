package dev.rpmoverlay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.render.OverlayDryRun;
import dev.rpmoverlay.render.UpstreamCacheSourceTreeProvider;
import dev.rpmoverlay.upstream.CacheEntryWriter;
import dev.rpmoverlay.upstream.CacheMetadata;
import dev.rpmoverlay.upstream.FetchOutcome;
import dev.rpmoverlay.upstream.FetchRequest;
import dev.rpmoverlay.upstream.Fingerprints;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.LockSubject;
import dev.rpmoverlay.upstream.LockValidator;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.UpstreamException;
import dev.rpmoverlay.upstream.UpstreamFetcher;
import dev.rpmoverlay.upstream.StagedEntry;
import dev.rpmoverlay.upstream.UpdateTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay update}: re-resolve upstream commits, refresh the cache, rewrite the locks. */
@Command(
    name = "update",
    header = "Re-resolve upstream commits, refresh the upstream cache and write lock files.",
    description = {
      "",
      "For each selected component: if its upstream selection (snapshot, distro, branch, URL, upstream-commit pin, "
          + "upstream name) changed since its lock was written, or --force-recalculate is given, or it has no lock, "
          + "fetch from dist-git and resolve the commit again (upstream-commit pin, else the last first-parent commit "
          + "at or before the snapshot, else the branch tip); otherwise keep the locked commit. Then refresh "
          + "upstream-cache/<component>/ and write <lock-dir>/<component>.lock with the commit and the input "
          + "fingerprint (a SHA-256 of everything that affects the rendered output).",
      "",
      "With --check, nothing is fetched or written: exit 1 if any selected lock is missing or stale, or a cache "
          + "entry does not hold the locked commit (a CI gate).",
      ""
    })
public final class UpdateCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin UpstreamOptions upstream;
  @Mixin ProjectLocking locking;

  @Option(names = "--check", description = "Only check that locks and cache entries are current; exit 1 if not.")
  boolean check;

  @Option(names = "--force-recalculate", description = "Re-resolve every selected component's commit, even when its inputs did not change.")
  boolean forceRecalculate;

  @Option(names = "--compat", paramLabel = "MODE",
      description = "Render compatibility mode (current or azldev-2026-04), used for the overlay dry run and recorded in the"
          + " input fingerprint; use the same mode as render (default: ${DEFAULT-VALUE}).")
  String compat = UpstreamComponents.DEFAULT_COMPAT;

  @Option(names = "--bump", paramLabel = "NAME", arity = "1..*",
      description = "Request a rebuild of these components: add 1 to the manual-bump counter in their lock, one downstream"
          + " change (static Release +1, or one %%autochangelog entry). The named components are selected too.")
  List<String> bump = new ArrayList<>();

  @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
      description = "Subject of the changelog entry for every downstream change this update records (default: what"
          + " changed, e.g. 'Update to upstream commit 3f2a9c1b7e40').")
  String message;

  /**
   * What update did for one component.
   *
   * @param overlayFailures overlays that no longer apply to the (new) upstream
   */
  /** What update (or update --check) did to one component's lock, as printed in the STATUS column. */
  enum RowStatus {
    OK, STALE, UPDATED, UNCHANGED, KEPT, FAILED;

    String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Row(String component, RowStatus status, String oldCommit, String newCommit, String detail, List<String> overlayFailures) {
    Row(String component, RowStatus status, String oldCommit, String newCommit, String detail) {
      this(component, status, oldCommit, newCommit, detail, List.of());
    }
  }

  @Option(names = "--accept-failing-overlays",
      description = "Write the new lock and cache entry even when overlays no longer apply to the new upstream (by default"
          + " such a component keeps its old lock and cache entry).")
  boolean acceptFailingOverlays;

  private ChangeNotes notes;
  private dev.rpmoverlay.upstream.ContentLimits limits;
  private boolean prune;

  @Override
  protected int execute() throws Exception {
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = new ArrayList<>(filter.isEmpty() && !bump.isEmpty() ? List.of() : filter.select(project));
    for (String b : bump) {
      if (!project.componentNames().contains(b)) {
        throw new UserException("--bump: unknown component '" + b + "'");
      }
      if (!names.contains(b)) {
        names.add(b);
      }
    }
    if (check && !bump.isEmpty()) {
      throw new UserException("--bump writes locks; it cannot be combined with --check");
    }
    names.sort(null);
    prune = filter.all && filter.patterns.isEmpty() && filter.groups.isEmpty() && filter.names.isEmpty() && bump.isEmpty();
    List<UpstreamComponents.Selected> selected = UpstreamComponents.of(project, names);
    notes = ChangeNotes.forProject(project.dir(), Optional.ofNullable(message));
    LockStore locks = new LockStore(project.info().lockDir());
    LockValidator validator = new LockValidator(locks);
    compatMode();
    limits = upstream.limits(project.info());
    UpstreamCache cache = UpstreamCache.open(project.info().upstreamCacheDir()).withLimits(limits);
    if (check) {
      return check(selected, locks, validator, cache);
    }
    try (var lock = locking.take(project, "update", err())) {
      return update(selected, locks, validator, cache);
    }
  }

  private int check(List<UpstreamComponents.Selected> selected, LockStore locks, LockValidator validator, UpstreamCache cache)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    for (UpstreamComponents.Selected s : selected) {
      LockSubject subject = UpstreamComponents.lockSubject(s, compat);
      Optional<LockValidator.Problem> problem = guarded(() -> validator.problem(subject));
      String locked = FetchCommand.readLock(locks, s.name()).map(LockFile::upstreamCommit).orElse("");
      if (problem.isEmpty() && s.upstream().isPresent()) {
        Optional<CacheMetadata> meta = guarded(() -> cache.metadata(s.name()));
        if (meta.isEmpty() || !meta.get().commit().equals(locked)) {
          problem = Optional.of(new LockValidator.Problem(s.name(), "component '" + s.name() + "': the upstream cache "
              + (meta.isEmpty() ? "has no entry" : "holds " + meta.get().commit()) + " but the lock says " + locked
              + "; run 'rpmoverlay fetch " + s.name() + "'"));
        }
      }
      rows.add(new Row(s.name(), problem.isPresent() ? RowStatus.STALE : RowStatus.OK, locked, locked, problem.map(LockValidator.Problem::message).orElse("")));
    }
    if (prune) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      selected.forEach(s -> names.add(s.name()));
      for (LockValidator.Problem p : validator.orphans(names)) {
        rows.add(new Row(p.component(), RowStatus.STALE, "", "", p.message() + "; 'rpmoverlay update -a' deletes it"));
      }
    }
    // like render, the table lists what needs attention; -v (or JSON) lists every component
    boolean everyRow = global().verbose() || global().outputFormat() == OutputFormat.JSON;
    List<Row> shown = everyRow ? rows : rows.stream().filter(r -> r.status() == RowStatus.STALE).toList();
    if (!shown.isEmpty()) {
      print(shown);
    }
    long stale = rows.stream().filter(r -> r.status() == RowStatus.STALE).count();
    if (!everyRow) {
      out().println(rows.size() + " component(s): " + (rows.size() - stale) + " current, " + stale + " stale");
    }
    rows.stream().filter(r -> r.status() == RowStatus.STALE).forEach(r -> err().println(ErrorReporter.prefix(r.detail())));
    return rows.stream().anyMatch(r -> r.status() == RowStatus.STALE) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private int update(List<UpstreamComponents.Selected> selected, LockStore locks, LockValidator validator, UpstreamCache cache)
      throws Exception {
    CacheEntryWriter writer = new CacheEntryWriter(cache, HistoryFacts.extractor()).withLimits(limits);
    UpdateTransaction transaction = new UpdateTransaction(locks, cache, writer);
    // A killed update or fetch may have left a journaled lock or an entry set aside: finish or undo
    // it before reading any lock, so every component starts from one consistent old or new state.
    transaction.repair().forEach(this::info);
    List<FetchRequest> keep = new ArrayList<>();
    List<FetchRequest> resolve = new ArrayList<>();
    Map<String, Optional<LockFile>> previous = new TreeMap<>();
    for (UpstreamComponents.Selected s : selected) {
      Optional<LockFile> old = FetchCommand.readLock(locks, s.name());
      previous.put(s.name(), old);
      if (s.upstream().isEmpty()) {
        continue;
      }
      String resolution = Fingerprints.resolution(s.upstream().get(), s.ref().distro(), s.ref().version());
      boolean unchanged = old.isPresent() && !old.get().upstreamCommit().isEmpty() && old.get().resolutionInputHash().equals(resolution);
      if (unchanged && !forceRecalculate) {
        keep.add(new FetchRequest(s.upstream().get(), Optional.of(old.get().upstreamCommit())));
      } else {
        resolve.add(new FetchRequest(s.upstream().get(), Optional.empty()));
      }
    }
    // New entries are only staged: the old entry and lock stay until the new tree has been verified
    // and the overlays dry-run on it (issue 18 item 8).
    Map<String, FetchOutcome> byName = new TreeMap<>();
    try {
      for (FetchOutcome o : new UpstreamFetcher(upstream.mirrors(), cache, writer, upstream.jobs(), false)
          .withVerify(name -> true).stageOnly().fetchAll(keep, o -> {})) {
        byName.put(o.component(), o);
      }
      for (FetchOutcome o : new UpstreamFetcher(upstream.mirrors(), cache, writer, upstream.jobs(), true)
          .stageOnly().fetchAll(resolve, o -> {})) {
        byName.put(o.component(), o);
      }
      return report(commitAll(selected, previous, byName, locks, validator, cache, transaction), locks, validator, selected);
    } finally {
      for (FetchOutcome o : byName.values()) {
        if (o.staged().isPresent()) {
          writer.discard(o.staged().get()); // a no-op for every installed entry
        }
      }
    }
  }

  /** Validates each component's new upstream and commits its entry and lock together, or keeps both old. */
  private List<Row> commitAll(List<UpstreamComponents.Selected> selected, Map<String, Optional<LockFile>> previous,
      Map<String, FetchOutcome> byName, LockStore locks, LockValidator validator, UpstreamCache cache,
      UpdateTransaction transaction) throws Exception {
    OverlayDryRun dryRun = new OverlayDryRun(new OverlayEngine(compatMode()));
    List<Row> rows = new ArrayList<>();
    for (UpstreamComponents.Selected s : selected) {
      Optional<LockFile> old = previous.get(s.name());
      String oldCommit = old.map(LockFile::upstreamCommit).orElse("");
      String commit = "";
      Optional<StagedEntry> staged = Optional.empty();
      if (s.upstream().isPresent()) {
        FetchOutcome o = byName.get(s.name());
        if (o.status() == FetchOutcome.Status.FAILED) {
          rows.add(new Row(s.name(), RowStatus.FAILED, oldCommit, "", o.error() + keptNote(old)));
          continue;
        }
        commit = o.resolved().orElseThrow().commit();
        staged = o.staged();
      }
      LockSubject subject = UpstreamComponents.lockSubject(s, compat);
      List<String> failures;
      try {
        SourceTree tree = staged.isPresent()
            ? UpstreamCacheSourceTreeProvider.treeOf(verified(cache, staged.get(), commit))
            : treeOf(s, cache);
        failures = dryRun.failures(s.config(), tree);
      } catch (UpstreamException e) {
        rows.add(new Row(s.name(), RowStatus.FAILED, oldCommit, commit, e.getMessage() + keptNote(old)));
        continue;
      }
      if (!failures.isEmpty() && old.isPresent() && !acceptFailingOverlays) {
        if (staged.isPresent() && commit.equals(oldCommit)) {
          transaction.commit(s.name(), staged, old.get()); // the same commit rewritten over a damaged entry: a repair
        }
        rows.add(new Row(s.name(), RowStatus.KEPT, oldCommit, commit, "component '" + s.name() + "': " + failures.size()
            + " overlay(s) do not apply to upstream commit " + abbrev(commit) + "; lock and cache entry kept at "
            + abbrev(oldCommit) + " (fix the overlays, or pass --accept-failing-overlays to take the new upstream anyway)", failures));
        continue;
      }
      try {
        Optional<LockFile> base = bump.contains(s.name())
            ? Optional.of(old.orElse(new LockFile(LockFile.VERSION, "", "", 0, "", "")).withManualBump(old.map(LockFile::manualBump).orElse(0) + 1))
            : old;
        LockFile lock = notes.annotate(old, validator.expected(subject, commit, base));
        boolean written = transaction.commit(s.name(), staged, lock);
        rows.add(new Row(s.name(), written ? RowStatus.UPDATED : RowStatus.UNCHANGED, oldCommit, commit, "", failures));
      } catch (UpstreamException e) {
        rows.add(new Row(s.name(), RowStatus.FAILED, oldCommit, commit, e.getMessage() + keptNote(old)));
      }
    }
    return rows;
  }

  /** Verifies a staged entry as render will read it; a tree the cache would call corrupt never replaces a good entry. */
  private static dev.rpmoverlay.upstream.CacheEntry verified(UpstreamCache cache, StagedEntry staged, String commit) {
    try {
      return cache.verify(staged);
    } catch (UpstreamException e) {
      throw new UpstreamException("component '" + staged.component() + "': the new upstream tree at commit " + abbrev(commit)
          + " does not verify: " + e.getMessage().replaceFirst("; run 'rpmoverlay fetch [^']*' to rewrite it$", ""), e);
    }
  }

  private static String keptNote(Optional<LockFile> old) {
    return old.filter(l -> !l.upstreamCommit().isEmpty())
        .map(l -> " (lock and cache entry kept at " + abbrev(l.upstreamCommit()) + ")").orElse("");
  }

  private int report(List<Row> rows, LockStore locks, LockValidator validator, List<UpstreamComponents.Selected> selected)
      throws Exception {
    pruned = prune ? pruneOrphans(locks, validator, selected) : List.of();
    print(rows);
    pruned.forEach(p -> info("removed lock of a component that no longer exists: " + p));
    rows.stream().filter(r -> r.status() == RowStatus.FAILED || r.status() == RowStatus.KEPT).forEach(r -> err().println(ErrorReporter.prefix(r.detail())));
    rows.forEach(r -> r.overlayFailures().forEach(f -> err().println(ErrorReporter.prefix("overlay no longer applies: " + f))));
    long failed = rows.stream().filter(r -> r.status() == RowStatus.FAILED || r.status() == RowStatus.KEPT).count();
    long updated = rows.stream().filter(r -> r.status() == RowStatus.UPDATED).count();
    long broken = rows.stream().filter(r -> !r.overlayFailures().isEmpty()).count();
    info(String.format(Locale.ROOT, "update: %d component(s): %d lock(s) written, %d unchanged, %d failed; %d with overlays that no longer apply",
        rows.size(), updated, rows.size() - updated - failed, failed, broken));
    return failed > 0 || broken > 0 ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private List<String> pruned = List.of();

  /** Deletes the locks of components that no longer exist (only with -a: a partial selection says nothing about the rest). */
  private static List<String> pruneOrphans(LockStore locks, LockValidator validator, List<UpstreamComponents.Selected> selected)
      throws java.io.IOException {
    java.util.Set<String> names = new java.util.TreeSet<>();
    selected.forEach(s -> names.add(s.name()));
    List<String> out = new ArrayList<>();
    for (LockValidator.Problem p : validator.orphans(names)) {
      java.nio.file.Files.deleteIfExists(locks.path(p.component()));
      out.add(p.component());
    }
    return out;
  }

  private static SourceTree treeOf(UpstreamComponents.Selected s, UpstreamCache cache) {
    try {
      return new UpstreamCacheSourceTreeProvider(cache).sourceTree(s.config());
    } catch (java.io.IOException e) {
      throw new UpstreamException("component '" + s.name() + "': " + e.getMessage(), e);
    }
  }

  private Compat compatMode() {
    return Compat.fromConfigName(compat)
        .orElseThrow(() -> new UserException("unknown --compat mode '" + compat + "' (use 'current' or 'azldev-2026-04')"));
  }

  private interface IoSupplier<T> {
    T get() throws Exception;
  }

  private static <T> T guarded(IoSupplier<T> s) throws Exception {
    try {
      return s.get();
    } catch (UpstreamException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private void print(List<Row> rows) throws Exception {
    if (global().outputFormat() == OutputFormat.JSON) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode arr = mapper.createArrayNode();
      for (Row r : rows) {
        ObjectNode n = arr.addObject();
        n.put("component", r.component());
        n.put("status", r.status().text());
        n.put("previousCommit", r.oldCommit());
        n.put("commit", r.newCommit());
        ArrayNode failures = n.putArray("overlayFailures");
        r.overlayFailures().forEach(failures::add);
        if (!r.detail().isEmpty()) {
          n.put("error", r.detail());
        }
      }
      out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
      return;
    }
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"COMPONENT", "STATUS", "COMMIT", "PREVIOUS", "OVERLAYS"});
    for (Row r : rows) {
      String overlays = r.status() == RowStatus.FAILED || r.status() == RowStatus.STALE || r.status() == RowStatus.OK ? "-"
          : r.overlayFailures().isEmpty() ? "apply" : r.overlayFailures().size() + " fail";
      table.add(new String[] {r.component(), r.status().text(), abbrev(r.newCommit()), abbrev(r.oldCommit()), overlays});
    }
    Table.print(out(), table, global().outputFormat());
  }

  private static String abbrev(String commit) {
    return commit.isEmpty() ? "-" : commit.substring(0, Math.min(12, commit.length()));
  }
}
