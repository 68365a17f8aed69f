package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootCommandTest {

  @Test
  void helpDescribesTheToolAndExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: rpmoverlay").contains("Exit codes:").contains("--project");
  }

  @Test
  void versionPrintsTheBuildVersion() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("rpmoverlay ").doesNotContain("unknown");
  }

  @Test
  void unknownOptionIsOneErrorLineAndExitTwo() {
    CliRun run = CliRun.of("--no-such-flag");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("rpmoverlay: error: Unknown option: '--no-such-flag'");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    CliRun run = CliRun.of("frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("rpmoverlay: error: ");
  }

  @Test
  void benchWithoutNameIsAUsageError() {
    CliRun run = CliRun.of("bench");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing benchmark name");
  }
}
