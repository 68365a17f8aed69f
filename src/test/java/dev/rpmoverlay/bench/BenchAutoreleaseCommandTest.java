package dev.rpmoverlay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.cli.CliRun;
import dev.rpmoverlay.release.LocalPackageHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpmoverlay bench autorelease} runs and reports what it computed. */
class BenchAutoreleaseCommandTest {
  @TempDir Path tmp;

  @Test
  void reportsTimingsAndTheComputedResult() {
    CliRun run = CliRun.of("bench", "autorelease", "--commits", "260", "--rounds", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // The version changes at commit 250, so 250..260 count 1..11; each trivial merge (at 100 and
    // 200) follows its side commit, which has the entry instead of the merge: 260 entries.
    assertThat(run.out())
        .contains("autorelease bench: 260 commits")
        .contains("compute release + changelog")
        .contains("result: release 11, 260 changelog entries");
  }

  @Test
  void writeLeavesTheSameHistoryAsACleanCheckout() throws Exception {
    Path dir = tmp.resolve("repo");
    CliRun run = CliRun.of("bench", "autorelease", "--commits", "120", "--write", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Git git = Git.open(dir.toFile())) {
      assertThat(git.getRepository().getBranch()).isEqualTo("rawhide");
      assertThat(git.status().call().isClean()).isTrue();
      // 120 mainline commits plus the side commit merged at 100.
      assertThat(git.log().call()).hasSize(121);
    }
    assertThat(Files.readString(dir.resolve("bench.spec"))).contains("# change 120\n");
    try (LocalPackageHistory pkg = LocalPackageHistory.open(dir.resolve("bench.spec"))) {
      assertThat(pkg.dirty()).isFalse();
    }
  }

  @Test
  void writeRefusesAnExistingDirectory() {
    CliRun run = CliRun.of("bench", "autorelease", "--write", tmp.toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("already exists");
  }
}
