package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.testing.ProjectCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code overlays}: the inventory of the shipped project's overlays. */
class OverlaysCommandTest {
  private static final String REPO = Path.of("").toAbsolutePath().toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-C", REPO, "-O", "json", "overlays"));
    all.addAll(List.of(args));
    CliRun r = CliRun.of(all.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void listsOneRowPerOverlayOfTheComponentNumberedAsShowDoes() throws Exception {
    JsonNode rows = json("nginx").get("overlays");

    assertThat(rows).hasSize(11);
    JsonNode third = rows.get(2);
    assertThat(List.of(third.get("overlay").asInt(), third.get("type").asText(), third.get("category").asText(), third.get("upstreamStatus").asText()))
        .containsExactly(3, "file-add", "azl-branding-policy", "inapplicable");
    assertThat(third.get("declaredAt").asText()).isEqualTo("components/nginx/nginx.comp.toml:20:1");
  }

  @Test
  void countsTheDiffLinesOfEachOverlay() throws Exception {
    JsonNode first = json("nginx").get("overlays").get(0);

    // #1 replaces one Requires line: one line removed, one added
    assertThat(first.get("linesChanged").asInt()).isEqualTo(2);
  }

  @Test
  void typeFilterKeepsOnlyThatType() throws Exception {
    JsonNode rows = json("--type", "file-add").get("overlays");

    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("type").asText()).isEqualTo("file-add"));
  }

  @Test
  void categoryAndStatusFiltersCombine() throws Exception {
    JsonNode rows = json("--category", "azl-pruning", "--status", "inapplicable").get("overlays");

    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("category").asText() + " " + r.get("upstreamStatus").asText())
        .isEqualTo("azl-pruning inapplicable"));
  }

  @Test
  void totalsCountOverlaysPerTypeAndPerCategory() throws Exception {
    JsonNode root = json("nginx");

    assertThat(root.get("totals").get("overlays").asInt()).isEqualTo(11);
    assertThat(root.get("totals").get("byType").get("file-add").asInt()).isEqualTo(2);
    assertThat(root.get("totals").get("byCategory").get("azl-platform-adaptation").asInt()).isEqualTo(3);
  }

  @Test
  void expiredKeepsOnlyOverlaysPastTheirDate() throws Exception {
    Path project = tmp.resolve("p");
    ProjectCopy.of(Path.of(REPO), project);
    Path toml = project.resolve("components/nginx/nginx.comp.toml");
    Files.writeString(toml, Files.readString(toml).replaceFirst("upstream-status = \"inapplicable\" \\}",
        "upstream-status = \"inapplicable\", expires = \"2026-03-01\" }"));

    CliRun r = CliRun.of("-C", project.toString(), "-O", "json", "overlays", "--expired", "--today", "2026-03-02");

    JsonNode rows = JSON.readTree(r.out()).get("overlays");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("component").asText() + " #" + rows.get(0).get("overlay").asInt() + " " + rows.get(0).get("expires").asText())
        .isEqualTo("nginx #1 2026-03-01");
  }

  @Test
  void tableEndsWithTheTotals() {
    CliRun r = CliRun.of("-C", REPO, "overlays", "nginx");

    assertThat(r.out()).startsWith("COMPONENT  #    TYPE ").containsPattern("(?m)^nginx +#3 +file-add +azl-branding-policy +inapplicable ")
        .endsWith("all       1 component              11\n");
  }

  @Test
  void csvQuotesDescriptionsWithCommas() {
    CliRun r = CliRun.of("-C", REPO, "-O", "csv", "overlays", "sudo");

    assertThat(r.out()).startsWith("COMPONENT,#,TYPE,CATEGORY,STATUS,EXPIRES,BUGS,LINES,DESCRIPTION\r\n")
        .contains("\r\nsudo,#1,file-prepend-lines,azl-security-compliance,inapplicable,-,-,3,\"Say at the top of /etc/sudoers that local rules belong in /etc/sudoers.d, so package updates can replace the file\"\r\n");
  }

  @Test
  void markdownIsAPipeTableWithAHeaderRule() {
    CliRun r = CliRun.of("-C", REPO, "-O", "markdown", "overlays", "sudo");

    assertThat(r.out()).startsWith("| COMPONENT | # | TYPE | CATEGORY | STATUS | EXPIRES | BUGS | LINES | DESCRIPTION |\n"
        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n| sudo | #1 | file-prepend-lines |");
  }
}
