package dev.rpmoverlay.upstream;

import static dev.rpmoverlay.upstream.DistGitFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching over git:// from a JGit daemon on loopback, including a server that dies mid-pack. */
class DaemonFetchTest {

  @TempDir Path tmp;
  DistGitFixture server;
  CuttingProxy proxy;
  Git curl;
  RevCommit first;
  UpstreamCache cache;

  @BeforeEach
  void start() throws Exception {
    server = new DistGitFixture(tmp.resolve("server"));
    curl = server.create("curl", "f43", at("2026-01-01T00:00:00Z"));
    first = DistGitFixture.commit(curl, at("2026-01-02T00:00:00Z"), "Add helper script",
        Map.of("curl.spec", "Name: curl\nVersion: 8.11\n", "generate-tarball.sh*", "#!/bin/sh\necho hi\n",
            "sources", "SHA512 (curl-8.11.tar.xz) = abcd\n"));
    proxy = new CuttingProxy(server.startDaemon());
    cache = UpstreamCache.open(tmp.resolve("project/upstream-cache"));
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    curl.close();
    server.close();
  }

  private UpstreamCoordinates tip() {
    return new UpstreamCoordinates("curl", "curl",
        "git://127.0.0.1:" + proxy.port() + "/curl", "f43", "", "");
  }

  private FetchOutcome fetch(int retries) {
    RetryPolicy policy = new RetryPolicy(retries, Duration.ofMillis(20), Duration.ofMillis(100));
    MirrorStore mirrors = new MirrorStore(tmp.resolve("mirrors"), policy, 10);
    return new UpstreamFetcher(mirrors, cache, new CacheEntryWriter(cache, Optional.empty()), 2, true)
        .fetchOne(new FetchRequest(tip(), Optional.empty()));
  }

  @Test
  void fetchOverGitProtocolWritesExactBytesAndExecutableBits() throws Exception {
    assertThat(fetch(0).status()).isEqualTo(FetchOutcome.Status.WRITTEN);
    CacheEntry e = cache.entry("curl");
    assertThat(e.metadata().commit()).isEqualTo(first.name());
    assertThat(e.metadata().url()).isEqualTo("git://127.0.0.1:" + proxy.port() + "/curl");
    assertThat(e.files().get("generate-tarball.sh").executable()).isTrue();
    assertThat(e.files().get("curl.spec").executable()).isFalse();
    assertThat(e.files().get("sources").bytes()).isEqualTo("SHA512 (curl-8.11.tar.xz) = abcd\n".getBytes());
    assertThat(Files.getPosixFilePermissions(e.dir().resolve("files/generate-tarball.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void aSecondFetchWithNothingNewWritesNothingAndTransfersOnlyRefs() throws Exception {
    fetch(0);
    Path meta = cache.entryDir("curl").resolve("upstream.toml");
    long before = Files.getLastModifiedTime(meta).toMillis();
    FetchOutcome again = fetch(0);
    assertThat(again.status()).isEqualTo(FetchOutcome.Status.UNCHANGED);
    assertThat(Files.getLastModifiedTime(meta).toMillis()).isEqualTo(before);
  }

  @Test
  void aNewUpstreamCommitIsFetchedIncrementallyAndReplacesTheEntry() throws Exception {
    fetch(0);
    RevCommit second = DistGitFixture.commit(curl, at("2026-01-03T00:00:00Z"), "Update", Map.of("curl.spec", "Name: curl\nVersion: 8.12\n"));
    assertThat(fetch(0).status()).isEqualTo(FetchOutcome.Status.WRITTEN);
    assertThat(cache.entry("curl").metadata().commit()).isEqualTo(second.name());
    try (Repository mirror = new MirrorStore(tmp.resolve("mirrors"), RetryPolicy.of(0)).open(tip())) {
      assertThat(mirror.exactRef("refs/heads/f43").getObjectId().name()).isEqualTo(second.name());
    }
  }

  @Test
  void aServerKilledMidFetchLeavesTheCacheIntactWithAClearErrorAndAResumedServerSucceeds() throws Exception {
    fetch(0);
    byte[] big = new byte[512 * 1024];
    new Random(42).nextBytes(big); // incompressible, so the pack is large
    RevCommit second = DistGitFixture.commitBytes(curl, at("2026-01-04T00:00:00Z"), "Add a large file", "big.bin", big);

    proxy.cutAfter(64 * 1024);
    FetchOutcome failed = fetch(0);
    assertThat(proxy.cuts.get()).isGreaterThanOrEqualTo(1);
    assertThat(failed.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(failed.error()).contains("component 'curl'", "git://127.0.0.1:" + proxy.port() + "/curl", "branch f43",
        "fetch failed", "previous cache entry is unchanged");
    CacheEntry intact = cache.entry("curl");
    assertThat(intact.metadata().commit()).isEqualTo(first.name());
    assertThat(intact.files()).doesNotContainKey("big.bin");

    proxy.cutAfter(-1);
    FetchOutcome ok = fetch(0);
    assertThat(ok.status()).isEqualTo(FetchOutcome.Status.WRITTEN);
    assertThat(cache.entry("curl").metadata().commit()).isEqualTo(second.name());
    assertThat(cache.entry("curl").files().get("big.bin").bytes()).isEqualTo(big);
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUntilTheServerIsBack() throws Exception {
    proxy.cutAfter(0); // every connection dies at once
    Thread healer = new Thread(() -> {
      while (proxy.cuts.get() < 2) {
        Thread.onSpinWait();
      }
      proxy.cutAfter(-1);
    });
    healer.start();
    FetchOutcome o = fetch(5);
    healer.join(5000);
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.WRITTEN);
    assertThat(proxy.connections.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void withoutRetriesADeadServerFailsOnceWithoutRetrying() throws Exception {
    proxy.cutAfter(0);
    FetchOutcome o = fetch(0);
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.error()).contains("component 'curl'", "branch f43", "after 1 attempt(s)");
    assertThat(proxy.connections.get()).isEqualTo(1);
  }

  @Test
  void aRepositoryTheDaemonDoesNotServeIsReportedAsPossiblyMissingAfterTheRetries() {
    UpstreamCoordinates c = new UpstreamCoordinates("nope", "nope", "git://127.0.0.1:" + proxy.port() + "/nope", "f43", "", "");
    MirrorStore mirrors = new MirrorStore(tmp.resolve("mirrors"), new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)), 10);
    FetchOutcome o = new UpstreamFetcher(mirrors, cache, new CacheEntryWriter(cache, Optional.empty()), 1, true)
        .fetchOne(new FetchRequest(c, Optional.empty()));
    assertThat(o.error()).contains("component 'nope'", "after 2 attempt(s)", "repository may not exist");
  }
}
