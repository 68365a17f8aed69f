package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.ChildJvm;
import dev.rpmoverlay.testing.ProjectCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint {@code render} runs on what it rendered: the same findings as {@code lint}, from the
 * rendering render already made (not a second one), on the shipped project's nginx with overlays
 * added that give three kinds of finding.
 */
class RenderLintTest {
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final String NGINX_TOML = "components/nginx/nginx.comp.toml";
  private static final String FINDINGS = """

      [[components.nginx.overlays]]
      description = "No-op"
      type = "spec-update-tag"
      tag = "Source18"
      value = "nginx-instance.service"

      [[components.nginx.overlays]]
      description = "Rename logrotate"
      type = "file-rename"
      file = "nginx.logrotate"
      replacement = "nginx-lumen.logrotate"

      [[components.nginx.overlays]]
      description = "Temporary"
      type = "spec-add-tag"
      tag = "BuildRequires"
      value = "lumen-rpm-config"
      metadata = { category = "azl-platform-adaptation", upstream-status = "inapplicable", expires = "2000-01-01" }
      """;

  @TempDir Path tmp;

  @Test
  void renderWarnsWithExactlyTheFindingsLintPrints() throws Exception {
    Path project = nginxWithFindings();
    String lint = CliRun.in(project, "lint", "nginx").out();

    CliRun render = CliRun.in(project, "render", "--skip-lock-validation", "-o", tmp.resolve("out").toString(), "nginx");

    assertThat(lint).contains("[no-effect]", "[undone]", "[unshipped-source]", "[expired]");
    assertThat(render.exitCode()).isZero();
    assertThat(findingLines(render.err())).isEqualTo(lint);
  }

  @Test
  void aComponentSkippedAsUnchangedStillGetsItsFindings() throws Exception {
    Path project = nginxWithFindings();
    String lint = CliRun.in(project, "lint").out();
    String out = tmp.resolve("out").toString();
    CliRun.in(project, "render", "-a", "--skip-lock-validation", "-o", out);

    // a different flag and a moved stamp: the third run takes the ordinary path, not the recorded shortcut
    CliRun again = CliRun.in(project, "render", "-a", "--skip-lock-validation", "--no-lint", "-o", out);
    Files.writeString(project.resolve("components/nginx/nginx.comp.toml"), "\n# touched\n", java.nio.file.StandardOpenOption.APPEND);
    CliRun third = CliRun.in(project, "render", "-a", "--skip-lock-validation", "-o", out);

    assertThat(again.err()).doesNotContain("warning:");
    assertThat(third.err()).contains("43 components: 43 up to date"); // nothing rendered: a comment changes no input
    assertThat(findingLines(third.err())).isEqualTo(lint).contains("[expired]");
  }

  @Test
  void aComponentSkippedAsUnchangedGetsTheFindingsKeptByTheRenderThatWroteIt() throws Exception {
    Path project = renderedWithMarkedKeptFindings();
    String out = tmp.resolve("out").toString();

    CliRun again = CliRun.in(project, "render", "--skip-lock-validation", "-o", out, "nginx");

    assertThat(again.err()).contains("1 component: 1 up to date", "[no-effect] KEPT changes nothing", "[expired]");
  }

  @Test
  void aComponentRenderedAgainFromTheSameInputsGetsTheKeptFindings() throws Exception {
    Path project = renderedWithMarkedKeptFindings();
    String out = tmp.resolve("out").toString();
    // a hand edit of the output: the component renders again, from the same inputs
    Path spec = tmp.resolve("out/n/nginx/nginx.spec");
    Files.writeString(spec, Files.readString(spec) + "# edited\n");

    CliRun again = CliRun.in(project, "render", "--skip-lock-validation", "-o", out, "nginx");
    CliRun elsewhere = CliRun.in(project, "render", "--skip-lock-validation", "-o", tmp.resolve("other").toString(), "nginx");

    assertThat(again.err()).contains("1 component: 1 rendered", "[no-effect] KEPT changes nothing", "[expired]");
    assertThat(elsewhere.err()).contains("1 component: 1 rendered", "[no-effect] KEPT changes nothing");
  }

  @Test
  void aComponentRenderedFromChangedInputsIsLintedAgain() throws Exception {
    Path project = renderedWithMarkedKeptFindings();
    String out = tmp.resolve("out").toString();
    Files.writeString(project.resolve(NGINX_TOML), Files.readString(project.resolve(NGINX_TOML)).replace("\"lumen-rpm-config\"", "\"lumen-rpm-config2\""));
    String lint = CliRun.in(project, "lint", "nginx").out();

    CliRun again = CliRun.in(project, "render", "--skip-lock-validation", "-o", out, "nginx");

    assertThat(findingLines(again.err())).isEqualTo(lint).doesNotContain("KEPT");
  }

  @Test
  void renderReadsEachUpstreamEntryOnceThoughItLintsTheComponent() throws Exception {
    Path project = nginxWithFindings();
    Path log = tmp.resolve("render.log");

    Process p = ChildJvm.builder(Main.class, List.of("-C", project.toString(), "render", "--skip-lock-validation", "--timings",
        "-o", tmp.resolve("out").toString(), "nginx")).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    assertThat(p.waitFor()).isZero();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text).contains("[expired]");
    assertThat(timesEntered(text, "read upstream cache")).isOne();
    assertThat(timesEntered(text, "lint of the overlays")).isOne();
  }

  /**
   * nginx with findings, rendered once into {@code <tmp>/out}, its kept findings then marked: a
   * finding read from the kept file says "KEPT changes nothing", a fresh one "changes nothing".
   */
  private Path renderedWithMarkedKeptFindings() throws Exception {
    Path project = nginxWithFindings();
    CliRun.in(project, "render", "--skip-lock-validation", "-o", tmp.resolve("out").toString(), "nginx");
    Path kept = project.resolve("build/work/" + KeptLintFindings.FILE_NAME);
    Files.writeString(kept, Files.readString(kept).replace("changes nothing", "KEPT changes nothing"));
    return project;
  }

  private static long timesEntered(String timings, String phase) {
    Matcher m = Pattern.compile("(?m)^timing: " + Pattern.quote(phase) + " +\\d+ ms +(\\d+)x$").matcher(timings);
    assertThat(m.find()).as(timings).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The lines of stderr that are lint findings (a warning and its hint), as lint prints them. */
  private static String findingLines(String err) {
    StringBuilder b = new StringBuilder();
    boolean inFinding = false;
    for (String line : err.split("\n", -1)) {
      if (line.contains(": warning: component ")) {
        inFinding = true;
      } else if (!line.startsWith("  ")) {
        inFinding = false;
      }
      if (inFinding) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  private Path nginxWithFindings() throws Exception {
    Path project = tmp.resolve("project");
    ProjectCopy.of(REPO, project);
    Path file = project.resolve(NGINX_TOML);
    Files.writeString(file, Files.readString(file) + FINDINGS);
    return project;
  }
}
