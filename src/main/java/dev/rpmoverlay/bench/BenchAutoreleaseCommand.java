package dev.rpmoverlay.bench;

import dev.rpmoverlay.cli.BaseCommand;
import dev.rpmoverlay.cli.ExitCodes;
import dev.rpmoverlay.cli.UserException;
import dev.rpmoverlay.release.Autospec;
import dev.rpmoverlay.release.AutospecInput;
import dev.rpmoverlay.release.AutospecOutcome;
import dev.rpmoverlay.release.AutospecResult;
import dev.rpmoverlay.release.HistoryFacts;
import dev.rpmoverlay.release.HistoryReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rpmoverlay bench autorelease}: builds a package history in memory (a version update
 * every 250 commits, a side branch merged every 100, no {@code changelog} file, so the changelog
 * spans the whole history), then times reading its history facts with JGit and computing the
 * release and changelog from them.
 */
@Command(name = "autorelease", description = "Time %%autorelease/%%autochangelog over a synthetic history.")
final class BenchAutoreleaseCommand extends BaseCommand {
  @Option(names = "--commits", paramLabel = "N", description = "Commits in the history (default: ${DEFAULT-VALUE}).")
  int commits = 2000;

  @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds after the first (default: ${DEFAULT-VALUE}).")
  int rounds = 20;

  @Option(
      names = "--write",
      paramLabel = "DIR",
      description = "Instead of timing, write the history as a git repository in the new directory DIR"
          + " (branch rawhide checked out, spec DIR/bench.spec), for running other tools on it.")
  Path write;

  @Override
  protected int execute() throws Exception {
    if (commits < 1 || rounds < 1) {
      throw new UserException("--commits and --rounds must be at least 1");
    }
    if (write != null) {
      writeRepository(write);
      return ExitCodes.OK;
    }
    InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("bench"));
    long buildStart = System.nanoTime();
    Synthetic history = build(repo, commits);
    long buildMs = (System.nanoTime() - buildStart) / 1_000_000;

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] read = new long[rounds + 1];
    long[] compute = new long[rounds + 1];
    long[] cpuRead = new long[rounds + 1];
    long[] cpuCompute = new long[rounds + 1];
    AutospecResult result = null;
    String processed = null;
    for (int round = 0; round <= rounds; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      HistoryFacts facts = HistoryReader.read(repo, history.head, "bench.spec");
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      AutospecInput input = AutospecInput.of(facts, history.spec);
      AutospecOutcome outcome = new Autospec().run(input);
      result = outcome.result();
      processed = outcome.processedSpec().orElseThrow();
      long t2 = System.nanoTime();
      cpuRead[round] = c1 - c0;
      cpuCompute[round] = threads.getCurrentThreadCpuTime() - c1;
      read[round] = t1 - t0;
      compute[round] = t2 - t1;
    }
    long[] total = new long[rounds + 1];
    for (int i = 0; i <= rounds; i++) {
      total[i] = read[i] + compute[i];
    }
    out().printf(Locale.ROOT, "autorelease bench: %d commits (built in %d ms), %d warm rounds%n", commits, buildMs, rounds);
    out().println("(wall times include waiting for a CPU on a busy machine; CPU times are this thread's only)");
    line("read history facts (JGit)", read);
    line("compute release + changelog", compute);
    line("total", total);
    line("CPU time: read", cpuRead);
    line("CPU time: compute", cpuCompute);
    out().printf(
        Locale.ROOT,
        "result: release %s, %d changelog entries, processed spec %d bytes%n",
        result.release(),
        result.changelog().size(),
        processed.getBytes(StandardCharsets.UTF_8).length);
    return ExitCodes.OK;
  }

  /** The same history as the timed one, in a work-tree repository on disk (bench/autospec-vs-rpmautospec.sh). */
  private void writeRepository(Path dir) throws Exception {
    if (Files.exists(dir)) {
      throw new UserException(dir + " already exists; --write needs a new directory (remove it or name another)");
    }
    try (Repository repo = FileRepositoryBuilder.create(dir.resolve(Constants.DOT_GIT).toFile())) {
      repo.create();
      Synthetic history = build(repo, commits);
      RefUpdate branch = repo.updateRef("refs/heads/rawhide");
      branch.setNewObjectId(history.head);
      branch.forceUpdate();
      repo.updateRef(Constants.HEAD).link("refs/heads/rawhide");
      try (Git git = Git.wrap(repo)) {
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(history.head.name()).call();
      }
      out().printf(Locale.ROOT, "%s: %d commits, HEAD %s, spec %s%n", dir, commits, history.head.name(), dir.resolve("bench.spec"));
    }
  }

  private void line(String what, long[] nanos) {
    long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
    Arrays.sort(warm);
    out().printf(
        Locale.ROOT,
        "%-30s first %7.1f ms   warm median %7.1f ms   warm min %7.1f ms%n",
        what,
        nanos[0] / 1e6,
        warm[warm.length / 2] / 1e6,
        warm[0] / 1e6);
  }

  private record Synthetic(ObjectId head, String spec) {}

  private static Synthetic build(Repository repo, int count) throws Exception {
    Instant base = Instant.parse("2020-01-01T12:00:00Z");
    ObjectId head = null;
    String spec = null;
    try (ObjectInserter ins = repo.newObjectInserter()) {
      for (int n = 1; n <= count; n++) {
        int version = 1 + n / 250;
        spec = specText(version, n);
        ObjectId specBlob = ins.insert(Constants.OBJ_BLOB, spec.getBytes(StandardCharsets.UTF_8));
        ObjectId sources = ins.insert(Constants.OBJ_BLOB, ("SHA512 (bench-" + version + ".tar.gz) = 00\n").getBytes(StandardCharsets.UTF_8));
        ObjectId tree = tree(ins, specBlob, sources);
        PersonIdent who = new PersonIdent(new PersonIdent("Bench Packager " + (n % 7), "bench" + (n % 7) + "@example.org"), base.plusSeconds(3600L * n), ZoneOffset.UTC);
        List<ObjectId> parents = new ArrayList<>();
        if (head != null) {
          parents.add(head);
        }
        if (n % 100 == 0 && head != null) {
          // A side branch with one commit, merged with the mainline's tree (a trivial merge).
          ObjectId side = commit(ins, tree, List.of(head), who, "Side work " + n + "\n\n- on a branch\n");
          parents.add(side);
        }
        String message =
            n % 250 == 0
                ? "Update to " + version + ".0\n\n- Rebase patches\n- Drop an upstreamed fix\n"
                : "Change number " + n + " with a subject long enough to be wrapped by the changelog writer at 75 columns\n";
        head = commit(ins, tree, parents, who, message);
      }
      ins.flush();
    }
    return new Synthetic(head, spec);
  }

  private static ObjectId tree(ObjectInserter ins, ObjectId spec, ObjectId sources) throws Exception {
    DirCache dc = DirCache.newInCore();
    DirCacheBuilder b = dc.builder();
    b.add(entry("bench.spec", spec));
    b.add(entry("sources", sources));
    b.finish();
    return dc.writeTree(ins);
  }

  private static DirCacheEntry entry(String path, ObjectId id) {
    DirCacheEntry e = new DirCacheEntry(path);
    e.setFileMode(FileMode.REGULAR_FILE);
    e.setObjectId(id);
    return e;
  }

  private static ObjectId commit(ObjectInserter ins, ObjectId tree, List<ObjectId> parents, PersonIdent who, String message)
      throws Exception {
    CommitBuilder cb = new CommitBuilder();
    cb.setTreeId(tree);
    cb.setParentIds(parents);
    cb.setAuthor(who);
    cb.setCommitter(who);
    cb.setMessage(message);
    return ins.insert(cb);
  }

  private static String specText(int version, int n) {
    return "%global major " + version + "\n"
        + "Name:           bench\n"
        + "Version:        %{major}.0\n"
        + "Release:        %autorelease\n"
        + "Summary:        Benchmark package\n"
        + "License:        MIT\n"
        + "# change " + n + "\n"
        + "\n%description\nBenchmark.\n\n%prep\n\n%build\n\n%install\n\n%files\n\n%changelog\n%autochangelog\n";
  }
}
