package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.testing.ProjectCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint} on the shipped project's nginx (real Fedora spec, eleven overlays), one finding kind
 * per test: each test appends one or two overlays to a copy of nginx.comp.toml, so the new
 * overlays are #12 and #13.
 */
class LintCommandTest {
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final String NGINX_TOML = "components/nginx/nginx.comp.toml";

  @TempDir Path tmp;

  @Test
  void theShippedProjectHasNoFindings() {
    CliRun r = CliRun.of("-C", REPO.toString(), "lint", "--strict");

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anOverlayThatChangesNothingIsReported() throws Exception {
    // overlay #10 already set Source18 to this value, as this overlay writes it
    Path p = nginxWith(overlay("No-op", "spec-update-tag", "tag = \"Source18\"", "value = \"nginx-instance.service\""));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "nginx");

    assertThat(r.out()).isEqualTo(NGINX_TOML + ":" + lineOf(p, "No-op") + ":1: warning: component 'nginx', overlay #12 (spec-update-tag \"No-op\"):"
        + " [no-effect] changes nothing (the spec is the same with and without it)\n  hint: remove it, or fix what it looks for\n");
  }

  @Test
  void aFileRenameThatTheFileFilterDropsIsReportedAsUndone() throws Exception {
    Path p = nginxWith(overlay("Rename logrotate", "file-rename", "file = \"nginx.logrotate\"", "replacement = \"nginx-lumen.logrotate\""));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "nginx");

    assertThat(r.out()).contains("overlay #12 (file-rename \"Rename logrotate\"): [undone] undone by the file filter: nginx-lumen.logrotate is not shipped");
  }

  @Test
  void aSourceTagLeftNamingARenamedFileIsReported() throws Exception {
    Path p = nginxWith(overlay("Rename logrotate", "file-rename", "file = \"nginx.logrotate\"", "replacement = \"nginx-lumen.logrotate\""));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "nginx");

    assertThat(r.out()).contains("overlay #12 (file-rename \"Rename logrotate\"): [unshipped-source] leaves 'Source11: nginx.logrotate'");
  }

  @Test
  void anAddThatALaterOverlayRemovesIsReportedAsUndoneByIt() throws Exception {
    Path p = nginxWith(
        overlay("Add lumen-devel", "spec-add-tag", "tag = \"BuildRequires\"", "value = \"lumen-devel\"")
            + overlay("Drop lumen-devel", "spec-remove-tag", "tag = \"BuildRequires\"", "value = \"lumen-devel\""));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "nginx");

    assertThat(r.out()).contains("overlay #12 (spec-add-tag \"Add lumen-devel\"): [undone] undone by overlay #13 (spec-remove-tag \"Drop lumen-devel\")");
  }

  @Test
  void aTagAddRepeatingAnUpstreamLineIsReportedAsDuplicate() throws Exception {
    Path p = nginxWith(overlay("Build with gcc", "spec-add-tag", "tag = \"BuildRequires\"", "value = \"gcc\""));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "nginx");

    assertThat(r.out()).contains("overlay #12 (spec-add-tag \"Build with gcc\"): [duplicate] adds a line that is already there: \"BuildRequires: gcc\"");
  }

  @Test
  void aSearchReplaceMatchingManyLinesIsReportedWithItsCount() throws Exception {
    Path p = nginxWith(overlay("Use RPM_BUILD_ROOT", "spec-search-replace", "section = \"%install\"", "regex = '%\\{buildroot\\}'", "replacement = '$RPM_BUILD_ROOT'"));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "nginx");

    assertThat(r.out()).containsPattern("overlay #12 \\(spec-search-replace \"Use RPM_BUILD_ROOT\"\\): \\[broad-regex\\] regex \"%\\\\\\{buildroot\\\\\\}\" changed \\d\\d+ lines");
  }

  @Test
  void anOverlayPastItsExpiryDateIsReported() throws Exception {
    Path p = nginxWith(expiring("2026-01-31"));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "--today", "2026-02-01", "nginx");

    assertThat(r.out()).contains("overlay #12 (spec-add-tag \"Temporary\"): [expired] expired on 2026-01-31 (metadata 'expires')");
  }

  @Test
  void anOverlayOnItsExpiryDateIsNotYetReported() throws Exception {
    Path p = nginxWith(expiring("2026-01-31"));

    CliRun r = CliRun.of("-C", p.toString(), "lint", "--today", "2026-01-31", "nginx");

    assertThat(r.out()).doesNotContain("[expired]");
  }

  @Test
  void strictTurnsFindingsIntoExitCode1() throws Exception {
    Path p = nginxWith(expiring("2026-01-31"));

    assertThat(CliRun.of("-C", p.toString(), "lint", "--today", "2026-02-01", "nginx").exitCode()).isZero();
    assertThat(CliRun.of("-C", p.toString(), "lint", "--strict", "--today", "2026-02-01", "nginx").exitCode()).isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void renderPrintsFindingsAsWarningsAndStillSucceeds() throws Exception {
    Path p = nginxWith(expiring("2000-01-01"));

    CliRun r = CliRun.of("-C", p.toString(), "render", "--skip-lock-validation", "-o", tmp.resolve("out").toString(), "nginx");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("warning: component 'nginx', overlay #12 (spec-add-tag \"Temporary\"): [expired] expired on 2000-01-01");
  }

  @Test
  void renderStrictFailsOnFindings() throws Exception {
    Path p = nginxWith(expiring("2000-01-01"));

    CliRun r = CliRun.of("-C", p.toString(), "render", "--strict", "--skip-lock-validation", "-o", tmp.resolve("out").toString(), "nginx");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void jsonGivesEachFindingItsComponentOverlayNumberAndPlace() throws Exception {
    Path p = nginxWith(expiring("2026-01-31"));

    CliRun r = CliRun.of("-C", p.toString(), "-O", "json", "lint", "--today", "2026-02-01", "nginx");

    JsonNode f = new ObjectMapper().readTree(r.out()).get(0);
    assertThat(List.of(f.get("component").asText(), f.get("overlay").asText(), f.get("kind").asText(), f.get("declaredAt").asText()))
        .containsExactly("nginx", "12", "expired", NGINX_TOML + ":" + lineOf(p, "Temporary") + ":1");
    assertThat(f.get("hint").asText()).isNotBlank();
  }

  @Test
  void anExpiryThatIsNoDateIsAConfigError() throws Exception {
    Path p = nginxWith(expiring("end of June"));

    CliRun r = CliRun.of("-C", p.toString(), "validate");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err() + r.out()).contains("overlay #12 (Temporary): metadata 'expires' must be a date written \"YYYY-MM-DD\", not \"end of June\"");
  }

  private static String expiring(String date) {
    return overlay("Temporary", "spec-add-tag", "tag = \"BuildRequires\"", "value = \"lumen-rpm-config\"",
        "metadata = { category = \"azl-platform-adaptation\", upstream-status = \"inapplicable\", expires = \"" + date + "\" }");
  }

  private static String overlay(String description, String type, String... keys) {
    return "\n[[components.nginx.overlays]]\n"
        + "description = \"" + description + "\"\n"
        + "type = \"" + type + "\"\n"
        + String.join("\n", keys) + "\n";
  }

  private Path nginxWith(String toml) throws Exception {
    Path project = tmp.resolve("project");
    ProjectCopy.of(REPO, project);
    Path file = project.resolve(NGINX_TOML);
    Files.writeString(file, Files.readString(file) + toml);
    return project;
  }

  /** The line of the {@code [[...overlays]]} header of the overlay with this description. */
  private static int lineOf(Path project, String description) throws Exception {
    List<String> lines = Files.readAllLines(project.resolve(NGINX_TOML));
    return lines.indexOf("description = \"" + description + "\"");
  }
}
