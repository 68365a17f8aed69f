package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * Fills the upstream cache: for each component, bring its mirror up to date, resolve the commit, and
 * write the cache entry if it changed. Components run in parallel on a bounded pool; one
 * component's failure does not stop the others.
 *
 * <p>Network use is minimal. Without {@code alwaysFetch}, a component whose lock or full-length pin
 * names the commit its cache entry already holds is skipped without opening its mirror, and a
 * locked/pinned commit already in the mirror needs no fetch; that makes a re-fetch with nothing new
 * nearly free. With {@code alwaysFetch} (used by {@code update}), every mirror asks the server for
 * new commits first.
 */
public final class UpstreamFetcher {

  private static final Pattern FULL_HASH = Pattern.compile("[0-9a-f]{40}");

  private final MirrorStore mirrors;
  private final CacheEntryWriter writer;
  private final UpstreamCache cache;
  private final int jobs;
  private final boolean alwaysFetch;
  private Predicate<String> verify;
  private boolean stageOnly;

  public UpstreamFetcher(MirrorStore mirrors, UpstreamCache cache, CacheEntryWriter writer, int jobs, boolean alwaysFetch) {
    this.mirrors = mirrors;
    this.cache = cache;
    this.writer = writer;
    this.jobs = Math.max(1, jobs);
    this.alwaysFetch = alwaysFetch;
    this.verify = component -> alwaysFetch;
  }

  /**
   * Which components' existing entries are read and verified (every file's SHA-256) before being
   * left alone; a damaged one is rewritten from the mirror. Default: all with {@code alwaysFetch}
   * ({@code update}), none otherwise (a plain re-fetch only compares metadata).
   */
  public UpstreamFetcher withVerify(Predicate<String> components) {
    this.verify = components;
    return this;
  }

  /**
   * Leaves every new entry staged ({@link FetchOutcome.Status#STAGED}) instead of installing it, so
   * {@code update} can validate it first. The caller then repairs leftovers itself ({@link
   * UpdateTransaction#repair}) before fetching, and installs or discards every staged entry.
   */
  public UpstreamFetcher stageOnly() {
    this.stageOnly = true;
    return this;
  }

  /** Fetches every request; outcomes sorted by component name. */
  public List<FetchOutcome> fetchAll(List<FetchRequest> requests, Consumer<FetchOutcome> progress) throws IOException {
    if (!stageOnly) {
      writer.cleanLeftovers();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, requests.size())), r -> {
      Thread t = new Thread(r, "rpmoverlay-fetch");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FetchOutcome>> futures = new ArrayList<>();
      for (FetchRequest r : requests) {
        futures.add(pool.submit(() -> {
          FetchOutcome o = fetchOne(r);
          progress.accept(o);
          return o;
        }));
      }
      List<FetchOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          outcomes.add(futures.get(i).get());
        } catch (ExecutionException e) {
          outcomes.add(FetchOutcome.failed(requests.get(i).coordinates().component(), "internal error: " + e.getCause()));
        }
      }
      outcomes.sort(Comparator.comparing(FetchOutcome::component));
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("fetch interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fetches one component; failures become a {@link FetchOutcome.Status#FAILED} outcome. */
  public FetchOutcome fetchOne(FetchRequest request) {
    UpstreamCoordinates c = request.coordinates();
    try {
      Optional<CacheMetadata> existing = existingMetadata(c);
      if (existing.isPresent() && verify.test(c.component()) && !intact(c.component())) {
        existing = Optional.empty(); // damaged: rewrite it, whatever its metadata says
      }
      Optional<ResolvedCommit> known = knownWithoutGit(request, existing);
      if (!alwaysFetch && known.isPresent() && writer.isCurrent(existing, c, known.get())) {
        return new FetchOutcome(c.component(), FetchOutcome.Status.UNCHANGED, known, "");
      }
      try (Repository repo = mirrors.open(c)) {
        ResolvedCommit resolved = resolve(repo, request);
        if (writer.isCurrent(existing, c, resolved)) {
          return new FetchOutcome(c.component(), FetchOutcome.Status.UNCHANGED, Optional.of(resolved), "");
        }
        if (stageOnly) {
          return new FetchOutcome(c.component(), FetchOutcome.Status.STAGED, Optional.of(resolved), "",
              Optional.of(writer.stage(repo, c, resolved)));
        }
        writer.write(repo, c, resolved);
        return new FetchOutcome(c.component(), FetchOutcome.Status.WRITTEN, Optional.of(resolved), "");
      }
    } catch (UpstreamException e) {
      return FetchOutcome.failed(c.component(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      return FetchOutcome.failed(c.component(), c.describe() + ": " + e);
    }
  }

  private ResolvedCommit resolve(Repository repo, FetchRequest request) throws IOException {
    UpstreamCoordinates c = request.coordinates();
    boolean exact = request.lockedCommit().isPresent() || !c.pinnedCommit().isEmpty();
    if (!alwaysFetch && exact && repo.exactRef("refs/heads/" + c.branch()) != null) {
      try {
        return CommitResolver.resolve(repo, c, request.lockedCommit());
      } catch (UpstreamException notInMirrorYet) {
        // fall through: fetch, then resolve again (and report the error if it is still missing)
      }
    }
    mirrors.fetch(repo, c);
    return CommitResolver.resolve(repo, c, request.lockedCommit());
  }

  /**
   * The commit a lock or full-length pin names, with the commit time the existing cache entry
   * records for it; empty when the commit can only be known from git.
   */
  private Optional<CacheMetadata> existingMetadata(UpstreamCoordinates c) {
    try {
      return cache.metadata(c.component());
    } catch (UpstreamException | java.io.UncheckedIOException e) {
      return Optional.empty(); // unreadable: treated as absent, so the entry is rewritten
    }
  }

  private boolean intact(String component) {
    try {
      cache.entry(component);
      return true;
    } catch (UpstreamException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private Optional<ResolvedCommit> knownWithoutGit(FetchRequest request, Optional<CacheMetadata> meta) {
    UpstreamCoordinates c = request.coordinates();
    String commit;
    Resolution how;
    if (request.lockedCommit().isPresent()) {
      commit = request.lockedCommit().get();
      how = Resolution.LOCK;
    } else if (FULL_HASH.matcher(c.pinnedCommit()).matches()) {
      commit = c.pinnedCommit();
      how = Resolution.PIN;
    } else {
      return Optional.empty();
    }
    Instant time = meta.filter(m -> m.commit().equals(commit)).map(CacheMetadata::commitTime).orElse(null);
    return time == null ? Optional.empty() : Optional.of(new ResolvedCommit(commit, time, how));
  }
}
