package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code diff} and {@code explain} on the shipped Lumen project (its committed upstream cache), where
 * nginx carries eleven overlays of nine types.
 */
class DiffCommandTest {
  private static final String REPO = Path.of("").toAbsolutePath().toString();

  /** Each line nginx's overlays add to the spec, and the one overlay (1-based) that adds it. */
  private static final Map<String, Integer> NGINX_ADDED_SPEC_LINES = new TreeMap<>(Map.of(
      "Requires:          lumen-logos-httpd", 1,
      "Source21: lumen-security-headers.conf", 6,
      "install -p -m 0644 %{SOURCE21} %{buildroot}%{_sysconfdir}/nginx/default.d/lumen-security-headers.conf", 7,
      "%config(noreplace) %{_sysconfdir}/nginx/default.d/lumen-security-headers.conf", 8,
      "Source18: nginx-instance.service", 10,
      "install -p -D -m 0644 ./nginx-instance.service \\", 11));

  @Test
  void everyChangedHunkOfNginxNamesTheOverlaysThatMadeItsLines() throws Exception {
    CliRun r = CliRun.of("-C", REPO, "-O", "json", "diff", "nginx");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode spec = file(new ObjectMapper().readTree(r.out()), "nginx.spec");

    Map<String, List<Integer>> found = new TreeMap<>();
    for (JsonNode hunk : spec.get("hunks")) {
      List<Integer> overlays = new ArrayList<>();
      List<String> synthesized = new ArrayList<>();
      for (JsonNode cause : hunk.get("causes")) {
        if (cause.get("kind").asText().equals("overlay")) {
          overlays.add(cause.get("overlay").asInt());
          assertThat(cause.get("description").asText()).as("overlay #%s has its description", cause.get("overlay")).isNotBlank();
          assertThat(cause.get("category").asText()).as("overlay #%s has its metadata category", cause.get("overlay")).startsWith("azl-");
        } else {
          synthesized.add(cause.get("type").asText());
        }
      }
      assertThat(overlays.size() + synthesized.size()).as("hunk %s has a cause", hunk.get("upstreamStart")).isPositive();
      assertThat(synthesized).as("rpmoverlay's own edits in nginx").allMatch(t -> t.equals("banner") || t.equals("autorelease"));
      for (JsonNode line : hunk.get("lines")) {
        String text = line.asText();
        if (text.startsWith("+") && NGINX_ADDED_SPEC_LINES.containsKey(text.substring(1))) {
          found.put(text.substring(1), overlays);
        }
      }
    }
    assertThat(found).hasSize(NGINX_ADDED_SPEC_LINES.size());
    NGINX_ADDED_SPEC_LINES.forEach((line, overlay) -> assertThat(found.get(line)).as(line).contains(overlay));
  }

  @Test
  void hunksOfDifferentOverlaysStaySeparateUnlessTheyAreWithinContextOfEachOther() {
    CliRun r = CliRun.of("-C", REPO, "diff", "nginx");

    List<String> headers = r.out().lines().filter(l -> l.startsWith("@@ ")).toList();
    assertThat(headers).contains(
        "@@ -122,7 +136,7 @@ overlay #1 spec-search-replace [azl-branding-policy]: Require Lumen's logos for the default"
            + " test page: Lumen does not ship Fedora's system-logos-httpd",
        "@@ -78,12 +91,13 @@ overlay #6 spec-insert-tag [azl-security-compliance]: Declare the security headers file as a"
            + " source, after the last existing Source; overlay #10 spec-update-tag [azl-platform-adaptation]: Point Source18"
            + " at the renamed unit file");
  }

  @Test
  void filesChangedAsAWholeNameTheirOverlays() {
    CliRun r = CliRun.of("-C", REPO, "diff", "nginx");

    assertThat(r.out()).contains(
        "# renamed nginx@.service -> nginx-instance.service: overlay #9 file-rename [azl-platform-adaptation]:",
        "# changed nginx-logo.png: overlay #2 file-remove [azl-branding-policy]:",
        "overlay #3 file-add [azl-branding-policy]: Ship the Lumen logo",
        "# added lumen-security-headers.conf: overlay #5 file-add [azl-security-compliance]:",
        "@@ -24,6 +24,7 @@ overlay #4 file-search-replace [azl-security-compliance]:");
  }

  @Test
  void statSummarizesEveryComponentWithTheOverlaysOfEachFile() {
    CliRun r = CliRun.of("-C", REPO, "diff", "--stat", "-a");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(" nginx/nginx.spec ", "#1 #6 #7 #8 #10 #11 +autorelease +banner", " sudo/sudoers ", "#1 #2 #3")
        .doesNotContain("unattributed")
        .endsWith("43 components, 58 files changed, 791 insertions(+), 302 deletions(-)\n");
  }

  @Test
  void explainMarksEachLineWithWhatWroteItAndShowsRemovedLinesInPlace() {
    CliRun r = CliRun.of("-C", REPO, "explain", "nginx");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("\\n +\\d+ banner +\\| # This spec file has been modified")
        .containsPattern("\\n +#1 +- Requires:          system-logos-httpd\\n +\\d+ #1 +\\| Requires:          lumen-logos-httpd\\n")
        .contains("#   #11  overlay #11 spec-search-replace [azl-platform-adaptation]:");
  }

  @Test
  void anUnknownComponentIsAUsageError() {
    CliRun r = CliRun.of("-C", REPO, "explain", "no-such-package");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("rpmoverlay: error: no component named 'no-such-package'\n");
  }

  private static JsonNode file(JsonNode diffs, String path) {
    for (JsonNode f : diffs.get(0).get("files")) {
      if (f.get("renderedPath").asText().equals(path)) {
        return f;
      }
    }
    throw new AssertionError("no file " + path);
  }
}
