package dev.rpmoverlay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFetchCommandTest {

  @TempDir Path tmp;

  @Test
  void theBenchmarkFetchesColdThenFindsNothingNewTwice() {
    CliRun r = CliRun.of("bench", "fetch", "--repos", "3", "--commits", "4", "--jobs", "2", "--work-dir", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("cold fetch +\\d+ ms  \\(3 written, 0 unchanged, 0 failed")
        .containsPattern("re-fetch, locked \\(fetch\\) +\\d+ ms  \\(0 written, 3 unchanged, 0 failed")
        .containsPattern("re-fetch, ask server \\(update\\) +\\d+ ms  \\(0 written, 3 unchanged, 0 failed");
  }
}
