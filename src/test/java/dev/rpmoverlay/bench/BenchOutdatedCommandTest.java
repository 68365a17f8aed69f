package dev.rpmoverlay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOutdatedCommandTest {

  @TempDir Path tmp;

  @Test
  void everyLockIsHalfItsHistoryBehindAndAPushAddsOneCommitToEveryTenthRepo() {
    CliRun r = CliRun.of("bench", "outdated", "--repos", "11", "--commits", "6", "--jobs", "2", "--work-dir", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // the snapshot selects commit 3 of 6: 3 behind each
    assertThat(r.out()).containsPattern("cold \\(empty mirrors\\) +\\d+ ms  \\(11 repos, \\{outdated=11\\}, 33 commits behind in total")
        .containsPattern("warm, nothing new +\\d+ ms  \\(11 repos, \\{outdated=11\\}, 33 commits behind in total")
        .containsPattern("warm, 1 in 10 repos moved +\\d+ ms  \\(11 repos, \\{outdated=11\\}, 35 commits behind in total");
  }
}
