package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.testing.ProjectCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One numbering: every command names nginx's overlays (eleven, in the shipped project) by the same
 * 1-based {@code #N}. The reference is {@code show -O json}; every other output, text and JSON,
 * error and warning, must agree with it.
 */
class OverlayNumberingTest {
  private static final String REPO = Path.of("").toAbsolutePath().toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Description -> #N as {@code show -O json} numbers them. */
  private static Map<String, Integer> numbersFromShowJson() throws Exception {
    CliRun r = CliRun.of("-C", REPO, "-O", "json", "show", "nginx");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<String, Integer> numbers = new TreeMap<>();
    for (JsonNode o : JSON.readTree(r.out()).get("overlays")) {
      numbers.put(o.get("description").asText(), o.get("overlay").asInt());
    }
    return numbers;
  }

  @Test
  void showJsonNumbersNginxOverlaysFromOne() throws Exception {
    assertThat(numbersFromShowJson().values()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void showTextDiffExplainAndTheirJsonAllAgreeWithShowJson() throws Exception {
    Map<String, Integer> expected = numbersFromShowJson();
    String showText = CliRun.of("-C", REPO, "show", "nginx").out();
    String diffText = CliRun.of("-C", REPO, "diff", "nginx").out();
    String explainText = CliRun.of("-C", REPO, "explain", "nginx").out();
    Map<String, Integer> fromDiffJson = causes(JSON.readTree(CliRun.of("-C", REPO, "-O", "json", "diff", "nginx").out()));
    Map<String, Integer> fromExplainJson = causes(JSON.readTree(CliRun.of("-C", REPO, "-O", "json", "explain", "nginx").out()));

    expected.forEach((description, n) -> {
      assertThat(showText).as("show: %s", description).contains("  #" + n + "  ");
      assertThat(showText).as("show: %s", description).containsPattern("(?m)^  #" + n + "  \\S+  \\Q" + description + "\\E");
      assertThat(diffText).as("diff: %s", description).containsPattern("overlay #" + n + " \\S+ \\[[^]]+\\]: \\Q" + description);
      assertThat(fromDiffJson).as("diff -O json").containsEntry(description, n);
    });
    // explain shows the spec only: its overlays are the spec overlays, with the same numbers
    assertThat(fromExplainJson).isNotEmpty();
    fromExplainJson.forEach((description, n) -> {
      assertThat(expected).as("explain -O json").containsEntry(description, n);
      assertThat(explainText).as("explain legend").contains("#   #" + n + "  overlay #" + n + " ");
    });
  }

  @Test
  void validateNamesAnOverlayErrorWithTheSameNumberInTextAndJson() throws Exception {
    Path project = copyWithLastNginxOverlay("replacement = \"./nginx-instance.service\"", "replacment = \"./nginx-instance.service\"");
    int n = numbersFromShowJson().get(lastNginxOverlay());

    CliRun text = CliRun.of("-C", project.toString(), "validate");
    CliRun json = CliRun.of("-C", project.toString(), "-O", "json", "validate");

    assertThat(text.err() + text.out()).contains("component 'nginx', overlay #" + n + " (" + lastNginxOverlay() + "): unknown key 'components.nginx.overlays[#" + n + "].replacment'");
    assertThat(JSON.readTree(json.out()).get("problems").findValues("overlay")).extracting(JsonNode::asInt).contains(n);
  }

  @Test
  void renderNamesAFailingOverlayWithTheSameNumber() throws Exception {
    Path project = copyWithLastNginxOverlay("regex = '\\./nginx@\\.service'", "regex = 'no such line'");
    int n = numbersFromShowJson().get(lastNginxOverlay());

    CliRun r = CliRun.of("-C", project.toString(), "render", "--skip-lock-validation", "-o", tmp.resolve("out").toString(), "nginx");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out() + r.err()).contains("component nginx: overlay #" + n + " (spec-search-replace \"" + lastNginxOverlay());
  }

  private static String lastNginxOverlay() {
    return "Install the renamed unit file (copied into the build dir by %prep) under its systemd name nginx@.service";
  }

  private Path copyWithLastNginxOverlay(String from, String to) throws Exception {
    Path project = tmp.resolve("project");
    ProjectCopy.of(Path.of(REPO), project);
    Path toml = project.resolve("components/nginx/nginx.comp.toml");
    String text = Files.readString(toml);
    assertThat(text).contains(from);
    Files.writeString(toml, text.replace(from, to));
    return project;
  }

  /** Description -> overlay number of every overlay cause anywhere in a diff or explain JSON. */
  private static Map<String, Integer> causes(JsonNode root) {
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode cause : root.findValues("cause")) {
      add(cause, out);
    }
    for (JsonNode list : root.findValues("causes")) {
      list.forEach(c -> add(c, out));
    }
    return out;
  }

  private static void add(JsonNode cause, Map<String, Integer> out) {
    if (cause.get("kind").asText().equals("overlay")) {
      out.put(cause.get("description").asText(), cause.get("overlay").asInt());
    }
  }
}
