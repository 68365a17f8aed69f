package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * How far each component's lock is behind its upstream branch ({@code rpmoverlay outdated}): the
 * locked commit, the commit the config asks for today (pin, else the last first-parent commit at or
 * before the snapshot, else the tip; {@link CommitResolver}), the branch tip, and the number of
 * commits on the branch that the locked commit does not contain.
 *
 * <p>Each repository is asked once: its mirror ({@link MirrorStore}) fetches the branch, which
 * costs one ref advertisement and transfers objects only when the branch moved; the history needed
 * to count commits is then local. Repositories are fetched in parallel, with the mirror store's
 * retries and network timeout. Nothing in the project is written.
 */
public final class OutdatedCheck {

  /** One component to check; {@code lockedCommit} is empty when it has no lock yet. */
  public record Request(UpstreamCoordinates coordinates, Optional<String> lockedCommit) {}

  /** Where a component stands. */
  public enum Status {
    /** the lock holds the branch tip */
    UP_TO_DATE("up to date"),
    /** the branch has commits the lock does not */
    OUTDATED("outdated"),
    /** no lock yet */
    UNLOCKED("not locked"),
    /** the repository could not be fetched, or the locked commit is not on the branch */
    ERROR("error");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The answer for one component.
   *
   * @param wanted what {@code update --force-recalculate} would lock now (empty on error)
   * @param behind commits on the branch that the locked commit does not contain (-1 when unknown)
   * @param wantedBehind commits on the branch that {@code wanted} does not contain (-1 when unknown)
   */
  public record Row(String component, Status status, String locked, String wanted, String tip, int behind, int wantedBehind,
      String error) {}

  private final MirrorStore mirrors;
  private final int jobs;

  public OutdatedCheck(MirrorStore mirrors, int jobs) {
    this.mirrors = mirrors;
    this.jobs = Math.max(1, jobs);
  }

  /** Checks every request; rows sorted by component name. */
  public List<Row> check(List<Request> requests) {
    return check(requests, row -> {});
  }

  /**
   * Checks every request; rows sorted by component name. {@code onRow} sees each row as soon as its
   * repository is done (from a worker thread), for progress.
   */
  public List<Row> check(List<Request> requests, Consumer<Row> onRow) {
    // one fetch per repository and branch, even when several components share it
    Map<String, List<Request>> byRepo = new LinkedHashMap<>();
    for (Request r : requests) {
      byRepo.computeIfAbsent(r.coordinates().url() + "\n" + r.coordinates().branch(), k -> new ArrayList<>()).add(r);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, byRepo.size())), r -> {
      Thread t = new Thread(r, "rpmoverlay-outdated");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<Row>>> futures = new ArrayList<>();
      for (List<Request> group : byRepo.values()) {
        futures.add(pool.submit(() -> {
          List<Row> done = checkRepo(group);
          done.forEach(onRow);
          return done;
        }));
      }
      List<Row> rows = new ArrayList<>();
      for (Future<List<Row>> f : futures) {
        try {
          rows.addAll(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      rows.sort(Comparator.comparing(Row::component));
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("outdated check interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Row> checkRepo(List<Request> group) {
    UpstreamCoordinates first = group.get(0).coordinates();
    List<Row> rows = new ArrayList<>();
    try (Repository repo = mirrors.open(first)) {
      mirrors.fetch(repo, first);
      for (Request r : group) {
        rows.add(row(repo, r));
      }
    } catch (UpstreamException e) {
      group.forEach(r -> rows.add(failed(r, e.getMessage())));
    } catch (IOException | RuntimeException e) {
      group.forEach(r -> rows.add(failed(r, r.coordinates().describe() + ": " + e)));
    }
    return rows;
  }

  private static Row failed(Request r, String message) {
    return new Row(r.coordinates().component(), Status.ERROR, r.lockedCommit().orElse(""), "", "", -1, -1, message);
  }

  private static Row row(Repository repo, Request r) throws IOException {
    UpstreamCoordinates c = r.coordinates();
    String locked = r.lockedCommit().orElse("");
    Ref ref = repo.exactRef("refs/heads/" + c.branch());
    String tip = ref.getObjectId().name();
    String wanted;
    try {
      wanted = CommitResolver.resolve(repo, c, Optional.empty()).commit();
    } catch (UpstreamException e) {
      return new Row(c.component(), Status.ERROR, locked, "", tip, -1, -1, e.getMessage());
    }
    int wantedBehind = behind(repo, ref.getObjectId(), wanted);
    if (locked.isEmpty()) {
      return new Row(c.component(), Status.UNLOCKED, "", wanted, tip, -1, wantedBehind, "");
    }
    int behind = behind(repo, ref.getObjectId(), locked);
    if (behind < 0) {
      return new Row(c.component(), Status.ERROR, locked, wanted, tip, -1, wantedBehind, c.describe() + ": the locked commit "
          + locked + " is not on branch " + c.branch() + "; run 'rpmoverlay update " + c.component() + " --force-recalculate'");
    }
    return new Row(c.component(), behind == 0 ? Status.UP_TO_DATE : Status.OUTDATED, locked, wanted, tip, behind, wantedBehind, "");
  }

  /** Commits reachable from {@code tip} but not from {@code commit}; -1 when {@code commit} is not on the branch. */
  private static int behind(Repository repo, ObjectId tip, String commit) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit from;
      try {
        from = walk.parseCommit(ObjectId.fromString(commit));
      } catch (MissingObjectException | IllegalArgumentException e) {
        return -1;
      }
      RevCommit head = walk.parseCommit(tip);
      if (!walk.isMergedInto(from, head)) {
        return -1;
      }
      walk.reset();
      walk.markStart(head);
      walk.markUninteresting(from);
      int n = 0;
      while (walk.next() != null) {
        n++;
      }
      return n;
    }
  }
}
