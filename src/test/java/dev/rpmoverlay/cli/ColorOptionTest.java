package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --color=always and --color=never for diff, explain and the render summary (auto and NO_COLOR: TerminalOutputTest). */
class ColorOptionTest {
  private static final String ESC = "\033[";

  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void projectWithAnOverlay() throws IOException {
    project = LocalProject.write(tmp.resolve("p"), "", "alpha");
    Files.writeString(project.resolve("azldev.toml"), String.join("\n",
        "[[components.alpha.overlays]]",
        "type = \"spec-search-replace\"",
        "description = \"Bump the version\"",
        "regex = \"Version: 1\"",
        "replacement = \"Version: 2\"",
        ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }

  @Test
  void alwaysColoursDiffLinesByKind() {
    CliRun r = CliRun.of("-C", project.toString(), "--color=always", "diff", "alpha");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(ESC + "31m-Version: 1" + ESC + "0m\n", ESC + "32m+Version: 2" + ESC + "0m\n", ESC + "36m@@ ", ESC + "1m--- ");
  }

  @Test
  void neverAndPlainPipesLeaveDiffUncoloured() {
    CliRun never = CliRun.of("-C", project.toString(), "--color=never", "diff", "alpha");
    CliRun auto = CliRun.of("-C", project.toString(), "diff", "alpha");

    assertThat(never.out()).contains("-Version: 1\n+Version: 2\n").doesNotContain(ESC);
    assertThat(auto.out()).as("stdout is no terminal here").isEqualTo(never.out());
  }

  @Test
  void alwaysColoursExplainsCauseAndRemovedLines() {
    CliRun r = CliRun.of("-C", project.toString(), "--color=always", "explain", "alpha");
    CliRun never = CliRun.of("-C", project.toString(), "--color=never", "explain", "alpha");

    assertThat(r.out()).containsPattern("\\Q" + ESC + "31m\\E +#1 +- Version: 1").contains(ESC + "33m#1");
    assertThat(never.out()).doesNotContain(ESC);
    assertThat(r.out().replaceAll("\033\\[[0-9;]*m", "")).isEqualTo(never.out());
  }

  @Test
  void jsonIsNeverColoured() {
    assertThat(CliRun.of("-C", project.toString(), "--color=always", "-O", "json", "diff", "alpha").out()).doesNotContain(ESC);
    assertThat(CliRun.of("-C", project.toString(), "--color=always", "-O", "json", "explain", "alpha").out()).doesNotContain(ESC);
  }

  @Test
  void theRenderSummaryIsGreenWhenAllWentWellAndPlainWithNever() {
    CliRun always = CliRun.of("-C", project.toString(), "--color=always", "render", "-a");
    CliRun never = CliRun.of("-C", project.toString(), "--color=never", "render", "-a", "--no-incremental");

    assertThat(always.err()).endsWith(ESC + "32m1 component: 1 rendered, 0 unchanged" + ESC + "0m\n");
    assertThat(never.err()).doesNotContain(ESC);
  }
}
