package dev.rpmoverlay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code rpmoverlay bench autorelease} runs and reports what it computed. */
class BenchAutoreleaseCommandTest {

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
}
