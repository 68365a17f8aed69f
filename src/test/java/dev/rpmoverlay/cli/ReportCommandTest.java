package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report -o DIR} on the shipped project: the static review site. */
class ReportCommandTest {
  private static final String REPO = Path.of("").toAbsolutePath().toString();

  @TempDir static Path tmp;
  private static CliRun run;

  @BeforeAll
  static void writeSite() {
    run = CliRun.of("-C", REPO, "report", "-o", tmp.resolve("site").toString());
  }

  @Test
  void writesAnIndexAndOnePagePerComponent() throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> pages = Files.list(tmp.resolve("site/c"))) {
      assertThat(pages.count()).isEqualTo(43);
    }
    assertThat(Files.readString(tmp.resolve("site/index.html"))).contains("<a href=\"c/nginx.html\">nginx</a>", "43 components, 45 overlays");
  }

  @Test
  void indexRowsCarryTheFilterValues() throws Exception {
    assertThat(Files.readString(tmp.resolve("site/index.html")))
        .containsPattern("<tr data-name=\"nginx\" data-groups=\"\" data-types=\"[^\"]*file-rename[^\"]*\" data-categories=\"azl-branding-policy azl-platform-adaptation azl-security-compliance\" data-statuses=\"inapplicable\" data-overlays=\"11\">");
  }

  @Test
  void everyHunkNamesItsOverlayWithItsDeclaration() throws Exception {
    assertThat(Files.readString(tmp.resolve("site/c/nginx.html")))
        .contains("<a href=\"#overlay-1\">overlay #1</a> spec-search-replace [azl-branding-policy]: Require Lumen&#39;s logos for the default test page:"
            + " Lumen does not ship Fedora&#39;s system-logos-httpd <code>components/nginx/nginx.comp.toml:7:1</code>")
        .contains("<tr id=\"overlay-1\">");
  }

  @Test
  void hunksComeInUnifiedAndSideBySideForm() throws Exception {
    String page = Files.readString(tmp.resolve("site/c/nginx.html"));

    assertThat(page).contains("<tr class=\"removed\"><td class=\"no\">125</td><td class=\"no\"></td><td class=\"code\">-Requires:          system-logos-httpd</td></tr>")
        .containsPattern("<td class=\"no\">125</td><td class=\"code removed\">Requires:          system-logos-httpd</td><td class=\"no\">\\d+</td>"
            + "<td class=\"code added\">Requires:          lumen-logos-httpd</td>");
  }

  @Test
  void pagesLoadNothingFromTheNetwork() throws Exception {
    try (Stream<Path> files = Files.walk(tmp.resolve("site"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern("(src|rel=\"stylesheet\" href)=\"(https?:)?//");
      }
    }
  }

  @Test
  void theSameInputsGiveTheSameBytes() throws Exception {
    CliRun again = CliRun.of("-C", REPO, "report", "-o", tmp.resolve("again").toString(), "nginx", "sudo");

    for (String page : List.of("c/nginx.html", "c/sudo.html", "style.css", "report.js")) {
      assertThat(Files.readAllBytes(tmp.resolve("again").resolve(page))).as(page).isEqualTo(Files.readAllBytes(tmp.resolve("site").resolve(page)));
    }
    assertThat(again.exitCode()).isZero();
  }
}
