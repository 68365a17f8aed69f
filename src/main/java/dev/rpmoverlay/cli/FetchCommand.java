package dev.rpmoverlay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.upstream.CacheEntry;
import dev.rpmoverlay.upstream.CacheEntryWriter;
import dev.rpmoverlay.upstream.FetchOutcome;
import dev.rpmoverlay.upstream.FetchRequest;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.LookasideDownloader;
import dev.rpmoverlay.upstream.SourcesFile;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.UpstreamException;
import dev.rpmoverlay.upstream.ContentLimits;
import dev.rpmoverlay.upstream.UpstreamFetcher;
import dev.rpmoverlay.upstream.UpdateTransaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay fetch}: fill the upstream cache for the selected components. */
@Command(
    name = "fetch",
    header = "Fetch pinned upstream dist-git content into the upstream cache.",
    description = {
      "",
      "For each selected upstream component, brings its local bare mirror of the dist-git repository up to date "
          + "and writes the files at the chosen commit into upstream-cache/<component>/ (format: docs/upstream-cache.md). "
          + "The commit is the lock file's, else spec.upstream-commit, else the last first-parent commit at or before "
          + "the distro snapshot, else the branch tip. Entries that already hold that commit are left alone, so a "
          + "re-fetch with nothing new does no work. Local components are skipped. Fetch never writes lock files; "
          + "'update' does.",
      ""
    })
final class FetchCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin UpstreamOptions upstream;
  @Mixin ProjectLocking locking;

  @Option(names = "--with-sources",
      description = "Also download the lookaside files listed in each component's 'sources' file (hash-verified) into --sources-dir.")
  boolean withSources;

  @Option(names = "--verify",
      description = "Read every selected component's cache entry and check each file's SHA-256 (whatever render's record of"
          + " files it verified before says); rewrite a damaged entry from the mirror. Without it, only components named"
          + " exactly on the command line are checked.")
  boolean verify;

  @Option(names = "--sources-dir", paramLabel = "DIR",
      description = "Where --with-sources puts files: DIR/<component>/<file> (default: <work-dir>/sources).")
  Path sourcesDir;

  @Override
  protected int execute() throws Exception {
    Project project = new ProjectContext(global(), err()).project();
    try (var lock = locking.take(project, "fetch", err())) {
      return fetch(project);
    }
  }

  private int fetch(Project project) throws Exception {
    List<UpstreamComponents.Selected> selected = UpstreamComponents.of(project, filter.select(project));
    LockStore locks = new LockStore(project.info().lockDir());
    ContentLimits limits = upstream.limits(project.info());
    UpstreamCache cache = UpstreamCache.open(project.info().upstreamCacheDir()).withLimits(limits);
    CacheEntryWriter writer = new CacheEntryWriter(cache, HistoryFacts.extractor()).withLimits(limits);
    new UpdateTransaction(locks, cache, writer).repair().forEach(this::info); // before the locks below are trusted
    List<FetchRequest> requests = new ArrayList<>();
    for (UpstreamComponents.Selected s : selected) {
      if (s.upstream().isPresent()) {
        Optional<String> locked = readLock(locks, s.name()).map(LockFile::upstreamCommit).filter(c -> !c.isEmpty());
        requests.add(new FetchRequest(s.upstream().get(), locked));
      }
    }
    UpstreamFetcher fetcher = new UpstreamFetcher(upstream.mirrors(), cache, writer, upstream.jobs(), false)
        .withVerify(name -> verify || filter.names.contains(name));
    long start = System.nanoTime();
    List<FetchOutcome> outcomes;
    try (Progress progress = Progress.start(this, "fetch", requests.size())) {
      outcomes = fetcher.fetchAll(requests, progress.stepper());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    List<String> sourceErrors = new ArrayList<>();
    if (withSources) {
      Path dir = sourcesDir != null ? sourcesDir : project.info().workDir().resolve("sources");
      for (FetchOutcome o : outcomes) {
        if (o.status() != FetchOutcome.Status.FAILED) {
          selected.stream().filter(s -> s.name().equals(o.component())).findFirst()
              .ifPresent(s -> downloadSources(cache, s, dir.resolve(s.name()), sourceErrors));
        }
      }
    }
    print(outcomes);
    for (FetchOutcome o : outcomes) {
      if (o.status() == FetchOutcome.Status.FAILED) {
        err().println(ErrorReporter.prefix(o.error()));
      }
    }
    sourceErrors.forEach(e -> err().println(ErrorReporter.prefix(e)));
    long failed = outcomes.stream().filter(o -> o.status() == FetchOutcome.Status.FAILED).count();
    long written = outcomes.stream().filter(o -> o.status() == FetchOutcome.Status.WRITTEN).count();
    info(Colors.stderr(global()).summary(String.format(java.util.Locale.ROOT, "fetch: %d component(s): %d written, %d unchanged, %d failed (%d ms)",
        outcomes.size(), written, outcomes.size() - written - failed, failed, millis), failed > 0 || !sourceErrors.isEmpty()));
    return failed > 0 || !sourceErrors.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void downloadSources(UpstreamCache cache, UpstreamComponents.Selected s, Path dir, List<String> errors) {
    try {
      CacheEntry entry = cache.entry(s.name());
      Optional<dev.rpmoverlay.upstream.CachedFile> file = entry.file("sources");
      if (file.isEmpty()) {
        return;
      }
      if (s.ref().lookasideBaseUri().isEmpty()) {
        errors.add("component '" + s.name() + "': distro '" + s.ref().distro() + "' has no lookaside-base-uri");
        return;
      }
      SourcesFile sources = SourcesFile.parse(new String(file.get().bytes(), StandardCharsets.UTF_8),
          entry.dir().resolve("files/sources").toString());
      new LookasideDownloader(e -> s.ref().lookasideUri(e.filename(), e.hashType(), e.hash()), upstream.retryPolicy())
          .downloadAll(s.name(), sources, dir);
    } catch (UpstreamException e) {
      errors.add(e.getMessage());
    } catch (java.io.IOException e) {
      errors.add("component '" + s.name() + "': " + e);
    }
  }

  static Optional<LockFile> readLock(LockStore locks, String component) {
    try {
      return locks.read(component);
    } catch (UpstreamException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private void print(List<FetchOutcome> outcomes) throws Exception {
    if (global().outputFormat() == OutputFormat.JSON) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode arr = mapper.createArrayNode();
      for (FetchOutcome o : outcomes) {
        ObjectNode n = arr.addObject();
        n.put("component", o.component());
        n.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
        o.resolved().ifPresent(r -> {
          n.put("commit", r.commit());
          n.put("commitTime", r.commitTime().toString());
          n.put("resolvedBy", r.resolution().tomlName());
        });
        if (!o.error().isEmpty()) {
          n.put("error", o.error());
        }
      }
      out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"COMPONENT", "STATUS", "COMMIT", "VIA"});
    for (FetchOutcome o : outcomes) {
      rows.add(new String[] {o.component(), o.status().name().toLowerCase(java.util.Locale.ROOT),
          o.resolved().map(r -> r.commit().substring(0, 12)).orElse("-"),
          o.resolved().map(r -> r.resolution().tomlName()).orElse("-")});
    }
    Table.print(out(), rows, global().outputFormat());
  }
}
