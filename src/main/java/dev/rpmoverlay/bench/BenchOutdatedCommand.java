package dev.rpmoverlay.bench;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.rpmoverlay.cli.BaseCommand;
import dev.rpmoverlay.cli.ExitCodes;
import dev.rpmoverlay.upstream.CommitResolver;
import dev.rpmoverlay.upstream.MirrorStore;
import dev.rpmoverlay.upstream.OutdatedCheck;
import dev.rpmoverlay.upstream.RetryPolicy;
import dev.rpmoverlay.upstream.UpstreamCoordinates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rpmoverlay bench outdated}: builds N synthetic dist-git repositories, serves them from a
 * JGit git daemon on 127.0.0.1, locks each at a snapshot in the middle of its history, and times
 * what {@code outdated} does ({@link OutdatedCheck}): cold (empty mirrors: the whole history comes
 * over), warm with nothing new (one ref advertisement per repository), and warm after a new commit
 * was pushed to every tenth repository.
 */
@Command(
    name = "outdated",
    description = {
      "Time 'outdated' over N synthetic dist-git repos on a local git:// daemon: cold mirrors, warm with nothing new,"
          + " and warm after a push to every tenth repo."
    })
public final class BenchOutdatedCommand extends BaseCommand {

  @Option(names = "--repos", paramLabel = "N", description = "Repositories (default: ${DEFAULT-VALUE}).")
  int repos = 2000;

  @Option(names = "--commits", paramLabel = "N", description = "Commits per repository, one a day (default: ${DEFAULT-VALUE}).")
  int commits = 30;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Repositories asked in parallel (default: ${DEFAULT-VALUE}).")
  int jobs = 8;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where to build repos and mirrors (default: a new temp dir, deleted at the end).")
  Path workDir;

  @Override
  protected int execute() throws Exception {
    if (repos < 1 || commits < 2 || jobs < 1) {
      throw new dev.rpmoverlay.cli.UserException("--repos and --jobs must be at least 1, --commits at least 2");
    }
    Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("rpmoverlay-bench-outdated");
    try {
      return run(work);
    } finally {
      if (workDir == null) {
        MoreFiles.deleteRecursively(work, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    }
  }

  private int run(Path work) throws Exception {
    // the snapshot falls in the middle of each history: every lock starts commits/2 behind its tip
    String snapshot = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * (commits / 2 - 1)).toString();
    try (SyntheticServer server = SyntheticServer.start(work.resolve("server"), repos, commits, out())) {
      List<OutdatedCheck.Request> requests = new ArrayList<>();
      for (String name : server.names()) {
        UpstreamCoordinates c = new UpstreamCoordinates(name, name, server.url(name), "f43", "", snapshot);
        requests.add(new OutdatedCheck.Request(c, Optional.of(lockedCommit(server.repo(name), c))));
      }
      Path mirrorsDir = work.resolve("mirrors");
      if (Files.exists(mirrorsDir)) {
        MoreFiles.deleteRecursively(mirrorsDir, RecursiveDeleteOption.ALLOW_INSECURE);
      }
      OutdatedCheck check = new OutdatedCheck(new MirrorStore(mirrorsDir, RetryPolicy.DEFAULT), jobs);
      measure("cold (empty mirrors)", check, requests);
      measure("warm, nothing new", check, requests);
      for (int i = 0; i < server.names().size(); i += 10) {
        push(server.repo(server.names().get(i)));
      }
      measure("warm, 1 in 10 repos moved", check, requests);
    }
    return ExitCodes.OK;
  }

  private void measure(String what, OutdatedCheck check, List<OutdatedCheck.Request> requests) {
    long cpu0 = cpuMillis();
    long t = System.nanoTime();
    List<OutdatedCheck.Row> rows = check.check(requests);
    long millis = ms(t);
    Map<String, Integer> byStatus = new TreeMap<>();
    rows.forEach(r -> byStatus.merge(r.status().label(), 1, Integer::sum));
    long behind = rows.stream().filter(r -> r.behind() > 0).mapToLong(OutdatedCheck.Row::behind).sum();
    out().printf(Locale.ROOT, "%-28s %6d ms  (%d repos, %s, %d commits behind in total; jobs %d; process CPU %d ms)%n", what, millis,
        rows.size(), byStatus, behind, jobs, cpuMillis() - cpu0);
    rows.stream().filter(r -> r.status() == OutdatedCheck.Status.ERROR).limit(3).forEach(r -> err().println(r.error()));
  }

  /** The commit a lock would hold: the one the snapshot selects, read from the server's repository. */
  private static String lockedCommit(Path repoDir, UpstreamCoordinates c) throws IOException {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(repoDir.toFile()).setBare().build()) {
      return CommitResolver.resolve(repo, c, Optional.empty()).commit();
    }
  }

  /** One more commit on the branch (same tree, a day after the tip), as a packager's push would add. */
  private static void push(Path repoDir) throws IOException {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(repoDir.toFile()).setBare().build();
        RevWalk walk = new RevWalk(repo);
        ObjectInserter ins = repo.newObjectInserter()) {
      RevCommit tip = walk.parseCommit(repo.resolve("refs/heads/f43"));
      CommitBuilder c = new CommitBuilder();
      c.setTreeId(tip.getTree());
      c.setParentId(tip);
      PersonIdent who = new PersonIdent("Packager", "packager@example.org",
          Instant.ofEpochSecond(tip.getCommitTime()).plusSeconds(86_400), ZoneOffset.UTC);
      c.setAuthor(who);
      c.setCommitter(who);
      c.setMessage("Rebuild\n");
      ObjectId id = ins.insert(c);
      ins.flush();
      RefUpdate ru = repo.updateRef("refs/heads/f43");
      ru.setNewObjectId(id);
      ru.setExpectedOldObjectId(tip);
      ru.update();
    }
  }

  private static long cpuMillis() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
