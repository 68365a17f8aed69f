package dev.rpmoverlay.upstream;

import static dev.rpmoverlay.upstream.DistGitFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit selection (lock > pin > snapshot > tip) against {@code file://} repositories with
 * realistic histories: two branches, a merged side branch, commits on both sides of the snapshot.
 */
class CommitResolutionTest {

  @TempDir Path tmp;
  DistGitFixture server;
  Git bash;
  RevCommit jan1, jan5, side10, merge20, boundary, afterBoundary, rawhideOnly;
  static final String BOUNDARY = "2026-02-24T08:00:00Z";

  @BeforeEach
  void buildHistory() throws Exception {
    server = new DistGitFixture(tmp.resolve("server"));
    bash = server.create("bash", "f43", at("2025-12-01T00:00:00Z"));
    jan1 = DistGitFixture.commit(bash, at("2026-01-01T00:00:00Z"), "Update to 5.3", Map.of("bash.spec", "Version: 5.3\n"));
    DistGitFixture.checkout(bash, "side", true, null);
    side10 = DistGitFixture.commit(bash, at("2026-01-10T00:00:00Z"), "Side fix", Map.of("side.patch", "x\n"));
    DistGitFixture.checkout(bash, "f43", false, null);
    jan5 = DistGitFixture.commit(bash, at("2026-01-05T00:00:00Z"), "Rebuild", Map.of("bash.spec", "Version: 5.3\nRelease: 2\n"));
    merge20 = DistGitFixture.merge(bash, "side", at("2026-01-20T00:00:00Z"));
    boundary = DistGitFixture.commit(bash, at(BOUNDARY), "At the snapshot second", Map.of("bash.spec", "Version: 5.3\nRelease: 3\n"));
    afterBoundary = DistGitFixture.commit(bash, at("2026-02-24T08:00:01Z"), "One second later", Map.of("bash.spec", "Version: 5.3\nRelease: 4\n"));
    DistGitFixture.checkout(bash, "rawhide", true, null);
    rawhideOnly = DistGitFixture.commit(bash, at("2026-03-01T00:00:00Z"), "Rawhide only", Map.of("bash.spec", "Version: 5.4\n"));
  }

  @AfterEach
  void close() throws Exception {
    bash.close();
    server.close();
  }

  private UpstreamCoordinates coords(String branch, String pin, String snapshot) {
    return new UpstreamCoordinates("bash", "bash", server.fileUrl("bash"), branch, pin, snapshot);
  }

  private FetchOutcome fetch(UpstreamCoordinates c, Optional<String> lock) {
    UpstreamCache cache = UpstreamCache.open(tmp.resolve("project/upstream-cache"));
    MirrorStore mirrors = new MirrorStore(tmp.resolve("mirrors"), RetryPolicy.of(0));
    return new UpstreamFetcher(mirrors, cache, new CacheEntryWriter(cache, Optional.empty()), 2, true)
        .fetchOne(new FetchRequest(c, lock));
  }

  private String resolved(UpstreamCoordinates c, Optional<String> lock) {
    FetchOutcome o = fetch(c, lock);
    assertThat(o.error()).isEmpty();
    return o.resolved().orElseThrow().commit();
  }

  @Test
  void aSnapshotAtExactlyACommitsSecondSelectsThatCommit() {
    assertThat(resolved(coords("f43", "", "2026-02-24T00:00:00-08:00"), Optional.empty())).isEqualTo(boundary.name());
  }

  @Test
  void aSnapshotOneSecondEarlierSelectsThePreviousFirstParentCommit() {
    assertThat(resolved(coords("f43", "", "2026-02-24T07:59:59Z"), Optional.empty())).isEqualTo(merge20.name());
  }

  @Test
  void aMergedSideBranchCommitCloserToTheSnapshotIsNotChosen() {
    // Date order alone would pick side10 (Jan 10); first-parent history only has jan5 before Jan 15.
    assertThat(resolved(coords("f43", "", "2026-01-15T00:00:00Z"), Optional.empty())).isEqualTo(jan5.name());
  }

  @Test
  void withoutSnapshotOrPinTheBranchTipIsUsed() {
    assertThat(resolved(coords("f43", "", ""), Optional.empty())).isEqualTo(afterBoundary.name());
    assertThat(resolved(coords("rawhide", "", ""), Optional.empty())).isEqualTo(rawhideOnly.name());
  }

  @Test
  void aPinBeatsTheSnapshotAndMayBeAbbreviated() {
    FetchOutcome o = fetch(coords("f43", jan1.name().substring(0, 10), BOUNDARY), Optional.empty());
    assertThat(o.resolved().orElseThrow().commit()).isEqualTo(jan1.name());
    assertThat(o.resolved().orElseThrow().resolution()).isEqualTo(Resolution.PIN);
  }

  @Test
  void theLockBeatsThePin() {
    FetchOutcome o = fetch(coords("f43", jan1.name(), BOUNDARY), Optional.of(jan5.name()));
    assertThat(o.resolved().orElseThrow().commit()).isEqualTo(jan5.name());
    assertThat(o.resolved().orElseThrow().resolution()).isEqualTo(Resolution.LOCK);
  }

  @Test
  void aMissingBranchIsAnErrorNamingComponentUrlAndBranch() {
    FetchOutcome o = fetch(coords("f99", "", ""), Optional.empty());
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.error()).contains("component 'bash'", server.fileUrl("bash"), "no branch 'f99'");
  }

  @Test
  void aPinnedCommitThatDoesNotExistIsAnErrorThatMentionsHistoryRewrites() {
    FetchOutcome o = fetch(coords("f43", "0123456789abcdef0123456789abcdef01234567", ""), Optional.empty());
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.error()).contains("component 'bash'", "branch f43", "0123456789abcdef", "does not exist",
        "rewrites", "rpmoverlay update bash");
  }

  @Test
  void aLockedCommitGoneAfterAForcePushAdvisesTheUpdateThatIgnoresTheLock() {
    FetchOutcome o = fetch(coords("f43", "", ""), Optional.of("0123456789abcdef0123456789abcdef01234567"));
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.error()).contains("the lock file's commit 0123456789abcdef", "run 'rpmoverlay update bash --force-recalculate'");
  }

  @Test
  void aCommitFromAnotherBranchIsNotAcceptedAsAPin() {
    fetch(coords("rawhide", "", ""), Optional.empty()); // the shared mirror now holds rawhide's objects
    FetchOutcome o = fetch(coords("f43", rawhideOnly.name(), ""), Optional.empty());
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.error()).contains("does not exist on branch f43");
  }

  @Test
  void aMissingRepositoryIsAnErrorNamingComponentAndUrl() {
    UpstreamCoordinates c = new UpstreamCoordinates("nope", "nope", server.fileUrl("nope"), "f43", "", "");
    FetchOutcome o = fetch(c, Optional.empty());
    assertThat(o.status()).isEqualTo(FetchOutcome.Status.FAILED);
    assertThat(o.error()).contains("component 'nope'", server.fileUrl("nope"), "does not exist");
  }

  @Test
  void aSnapshotBeforeTheFirstCommitIsAnError() {
    FetchOutcome o = fetch(coords("f43", "", "2020-01-01T00:00:00Z"), Optional.empty());
    assertThat(o.error()).contains("no commits found at or before the snapshot 2020-01-01T00:00:00Z");
  }

  @Test
  void anInvalidSnapshotIsAnError() {
    FetchOutcome o = fetch(coords("f43", "", "2026-02-24"), Optional.empty());
    assertThat(o.error()).contains("snapshot '2026-02-24' is not an RFC 3339 time");
  }

  @Test
  void theCacheEntryHoldsTheTreeOfTheResolvedCommit() {
    fetch(coords("f43", "", "2026-01-15T00:00:00Z"), Optional.empty());
    CacheEntry e = UpstreamCache.open(tmp.resolve("project/upstream-cache")).entry("bash");
    assertThat(e.metadata().commit()).isEqualTo(jan5.name());
    assertThat(e.metadata().commitTime()).isEqualTo(at("2026-01-05T00:00:00Z"));
    assertThat(e.metadata().snapshot()).isEqualTo("2026-01-15T00:00:00Z");
    assertThat(e.files().keySet()).containsExactly("bash.spec");
    assertThat(new String(e.files().get("bash.spec").bytes())).isEqualTo("Version: 5.3\nRelease: 2\n");
    assertThat(List.copyOf(e.files().keySet())).doesNotContain("side.patch");
  }
}
