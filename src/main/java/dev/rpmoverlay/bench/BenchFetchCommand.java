package dev.rpmoverlay.bench;

import dev.rpmoverlay.cli.BaseCommand;
import dev.rpmoverlay.cli.ExitCodes;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.rpmoverlay.release.RpmautospecHistoryExtractor;
import dev.rpmoverlay.upstream.CacheEntryWriter;
import dev.rpmoverlay.upstream.FetchOutcome;
import dev.rpmoverlay.upstream.FetchRequest;
import dev.rpmoverlay.upstream.MirrorStore;
import dev.rpmoverlay.upstream.RetryPolicy;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.UpstreamCoordinates;
import dev.rpmoverlay.upstream.UpstreamFetcher;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.resolver.FileResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rpmoverlay bench fetch}: builds N synthetic dist-git repositories, serves them from a JGit
 * git daemon on 127.0.0.1, and times a cold fetch into empty mirrors and cache, then two re-fetches
 * with nothing new: one as {@code fetch} does it with locks (no network at all), and one as
 * {@code update} does it (asks the server for new commits; transfers only refs).
 */
@Command(
    name = "fetch",
    description = {
      "Time fetching N synthetic dist-git repos from a local git:// daemon: cold, then a no-change re-fetch with locked "
          + "commits (what 'fetch' does), then a no-change re-fetch that asks the server (what 'update' does)."
    })
public final class BenchFetchCommand extends BaseCommand {

  @Option(names = "--repos", paramLabel = "N", description = "Repositories (default: ${DEFAULT-VALUE}).")
  int repos = 200;

  @Option(names = "--commits", paramLabel = "N", description = "Commits per repository (default: ${DEFAULT-VALUE}).")
  int commits = 30;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parallel fetches (default: ${DEFAULT-VALUE}).")
  int jobs = 8;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where to build repos, mirrors and cache (default: a new temp dir).")
  Path workDir;

  @Override
  protected int execute() throws Exception {
    Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("rpmoverlay-bench-fetch");
    Path serverRoot = Files.createDirectories(work.resolve("server"));
    long t0 = System.nanoTime();
    for (int i = 0; i < repos; i++) {
      String name = String.format(Locale.ROOT, "pkg%03d", i);
      if (!Files.exists(serverRoot.resolve(name + ".git"))) {
        SyntheticDistGit.create(serverRoot.resolve(name + ".git"), name, "f43", commits, 42);
      }
    }
    out().printf(Locale.ROOT, "built %d repos x %d commits in %d ms (%s)%n", repos, commits, ms(t0), serverRoot);

    Daemon daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    daemon.getService("git-upload-pack").setEnabled(true);
    daemon.setRepositoryResolver(new FileResolver<DaemonClient>(serverRoot.toFile(), true));
    daemon.start();
    try {
      int port = daemon.getAddress().getPort();
      Path mirrorsDir = work.resolve("mirrors");
      Path cacheDir = work.resolve("upstream-cache");
      for (Path stale : List.of(mirrorsDir, cacheDir)) {
        if (Files.exists(stale)) {
          MoreFiles.deleteRecursively(stale, RecursiveDeleteOption.ALLOW_INSECURE);
        }
      }
      List<FetchRequest> cold = new ArrayList<>();
      for (int i = 0; i < repos; i++) {
        String name = String.format(Locale.ROOT, "pkg%03d", i);
        cold.add(new FetchRequest(new UpstreamCoordinates(name, name, "git://127.0.0.1:" + port + "/" + name + ".git", "f43", "", ""),
            Optional.empty()));
      }
      UpstreamCache cache = UpstreamCache.open(cacheDir);
      MirrorStore mirrors = new MirrorStore(mirrorsDir, RetryPolicy.DEFAULT);
      CacheEntryWriter writer = new CacheEntryWriter(cache, Optional.of(new RpmautospecHistoryExtractor()));

      cpuAtStart = cpuMillis();
      long t1 = System.nanoTime();
      List<FetchOutcome> first = new UpstreamFetcher(mirrors, cache, writer, jobs, true).fetchAll(cold, o -> {});
      report("cold fetch", first, t1);

      List<FetchRequest> locked = new ArrayList<>();
      for (int i = 0; i < cold.size(); i++) {
        locked.add(new FetchRequest(cold.get(i).coordinates(), Optional.of(first.get(i).resolved().orElseThrow().commit())));
      }
      cpuAtStart = cpuMillis();
      long t2 = System.nanoTime();
      report("re-fetch, locked (fetch)", new UpstreamFetcher(mirrors, cache, writer, jobs, false).fetchAll(locked, o -> {}), t2);

      cpuAtStart = cpuMillis();
      long t3 = System.nanoTime();
      report("re-fetch, ask server (update)", new UpstreamFetcher(mirrors, cache, writer, jobs, true).fetchAll(cold, o -> {}), t3);
    } finally {
      daemon.stopAndWait();
    }
    return ExitCodes.OK;
  }

  private static long cpuMillis() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
  }

  private long cpuAtStart;

  private void report(String what, List<FetchOutcome> outcomes, long start) {
    long millis = ms(start);
    long cpu = cpuMillis() - cpuAtStart;
    long written = outcomes.stream().filter(o -> o.status() == FetchOutcome.Status.WRITTEN).count();
    long unchanged = outcomes.stream().filter(o -> o.status() == FetchOutcome.Status.UNCHANGED).count();
    long failed = outcomes.size() - written - unchanged;
    out().printf(Locale.ROOT, "%-30s %5d ms  (%d written, %d unchanged, %d failed; jobs %d; process CPU %d ms)%n", what, millis,
        written, unchanged, failed, jobs, cpu);
    outcomes.stream().filter(o -> o.status() == FetchOutcome.Status.FAILED).limit(3).forEach(o -> err().println(o.error()));
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
