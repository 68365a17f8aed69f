package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpmoverlay.testing.ChildJvm;
import dev.rpmoverlay.testing.PseudoTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress and colour as a user in a terminal sees them: a child rpmoverlay with stderr on a
 * pseudo-terminal and stdout redirected to a file.
 */
class TerminalOutputTest {
  private static final String ESC = "\033[";

  @TempDir Path tmp;

  @Test
  void renderDrawsProgressOnAStderrTerminalWhileStdoutGoesToAFile() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha", "beta", "gamma");

    PseudoTerminal.Run run = run(project, Map.of(), "render", "-a");

    assertThat(run.exitCode()).as(run.terminal()).isZero();
    assertThat(run.terminal()).contains("render 100%", "3/3", "3 components: 3 rendered");
    assertThat(Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8)).doesNotContain(ESC, "render 100%");
  }

  @Test
  void quietAndJsonRunsDrawNoProgress() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha", "beta", "gamma");

    PseudoTerminal.Run quiet = run(project, Map.of(), "-q", "render", "-a", "--no-incremental");
    PseudoTerminal.Run json = run(project, Map.of(), "-O", "json", "render", "-a", "--no-incremental");

    assertThat(quiet.exitCode()).isZero();
    assertThat(quiet.terminal()).doesNotContain("render ", "%");
    assertThat(json.exitCode()).isZero();
    assertThat(json.terminal()).doesNotContain("render ", "%");
    assertThat(Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8)).startsWith("{").doesNotContain(ESC);
  }

  @Test
  void lintDrawsProgressToo() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha", "beta");

    PseudoTerminal.Run run = run(project, Map.of(), "lint", "-a");

    assertThat(run.exitCode()).as(run.terminal()).isZero();
    assertThat(run.terminal()).contains("lint 100%", "2/2");
  }

  @Test
  void validateDrawsProgressFromAFewHundredComponentsOn() throws Exception {
    String[] many = java.util.stream.IntStream.range(0, Progress.MANY).mapToObj(i -> "c" + i).toArray(String[]::new);
    String[] few = java.util.Arrays.copyOf(many, Progress.MANY - 1);

    PseudoTerminal.Run big = run(LocalProject.write(tmp.resolve("big"), "", many), Map.of(), "validate");
    PseudoTerminal.Run small = run(LocalProject.write(tmp.resolve("small"), "", few), Map.of(), "validate");

    assertThat(big.exitCode()).as(big.terminal()).isZero();
    assertThat(big.terminal()).contains("validate 100%", Progress.MANY + "/" + Progress.MANY);
    assertThat(small.exitCode()).as(small.terminal()).isZero();
    assertThat(small.terminal()).doesNotContain("validate ");
  }

  @Test
  void theSummaryIsColouredOnATerminalUnlessNoColorIsSet() throws Exception {
    PseudoTerminal.Run coloured = run(LocalProject.write(tmp.resolve("a"), "", "alpha", "beta"), Map.of(), "render", "-a");
    PseudoTerminal.Run plain = run(LocalProject.write(tmp.resolve("b"), "", "alpha", "beta"), Map.of("NO_COLOR", "1"), "render", "-a");

    assertThat(coloured.terminal()).contains(ESC + "32m2 components: 2 rendered");
    assertThat(plain.terminal()).contains("2 components: 2 rendered").doesNotContain(ESC + "32m");
    assertThat(plain.terminal()).as("NO_COLOR is about colour: the progress bar stays").contains("render 100%");
  }

  @Test
  void colourNeverDrawsNeitherColourNorProgress() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha", "beta");

    PseudoTerminal.Run run = run(project, Map.of(), "--color=never", "render", "-a");

    assertThat(run.terminal()).contains("2 components: 2 rendered").doesNotContain(ESC + "32m", "render 100%");
  }

  private PseudoTerminal.Run run(Path project, Map<String, String> env, String... args) throws IOException, InterruptedException {
    assumeTrue(PseudoTerminal.available(), "needs util-linux script for a pseudo-terminal");
    List<String> all = new ArrayList<>(List.of("-C", project.toString()));
    all.addAll(List.of(args));
    return PseudoTerminal.run(ChildJvm.builder(Main.class, all).command(), env, tmp.resolve("stdout"));
  }
}
