package dev.rpmoverlay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.cli.CliRun;
import dev.rpmoverlay.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRoundtripCommandTest {
  @TempDir Path dir;

  @Test
  void reportsCountsAndEndsWithIdenticalLine() throws IOException {
    Files.writeString(dir.resolve("a.spec"),
        "Name: a\r\n%if 1\r\nBuildRequires: x\r\n%endif\r\n%package devel\r\nSummary: d\r\n%files devel\r\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.spec"), "Name: b\n%description\nno final newline");
    Files.writeString(dir.resolve("notes.txt"), "not a spec");

    CliRun run = CliRun.of("bench", "roundtrip", dir.toString(), "--threads", "2");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("files:              2\n");
    assertThat(run.out()).contains("sections:           5\n");
    assertThat(run.out()).contains("sub-packages:       1\n");
    assertThat(run.out()).contains("tag lines:          4\n");
    assertThat(run.out()).contains("conditional blocks: 1\n");
    assertThat(run.out()).endsWith("identical: 2/2\n");
  }

  @Test
  void missingDirectoryIsAUsageError() {
    CliRun run = CliRun.of("bench", "roundtrip", dir.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("rpmoverlay: error:").contains("not a directory");
  }
}
