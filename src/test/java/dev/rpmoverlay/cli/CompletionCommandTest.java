package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  @TempDir Path tmp;

  @Test
  void bashScriptLoadsAndRegistersTheCompletion() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    CliRun run = CliRun.of("completion", "bash");
    assertThat(run.exitCode()).isZero();
    Path script = tmp.resolve("rpmoverlay-completion.bash");
    Files.writeString(script, run.out());

    Process p = new ProcessBuilder("/bin/bash", "-c", "source <(cat '" + script + "') && complete -p rpmoverlay").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("rpmoverlay");
  }

  @Test
  void scriptCompletesEveryCommand() {
    assertThat(CliRun.of("completion", "zsh").out()).contains("render").contains("validate").contains("completion");
  }

  @Test
  void unknownShellIsAUsageError() {
    CliRun run = CliRun.of("completion", "fish");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("fish");
  }
}
