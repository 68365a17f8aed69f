package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.LocalProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} with a component that cannot be rendered: the site is written, the failure is named. */
class ReportFailureTest {
  @TempDir Path project;

  @BeforeEach
  void writeProject() throws IOException {
    Path dir = Files.createDirectories(project.resolve("comps/broken"));
    Files.writeString(dir.resolve("broken.spec"), "Name: broken\nRelease: 1\n\n%description\nd\n");
    Files.writeString(project.resolve("azldev.toml"), LocalProject.HEADER + """
        [components.broken]
        spec = { type = "local", path = "comps/broken" }
        [[components.broken.overlays]]
        type = "spec-search-replace"
        regex = "^no such line$"
        description = "stale overlay"
        """);
  }

  @Test
  void aQuietReportStillNamesTheComponentItCouldNotRender() {
    CliRun r = CliRun.in(project, "-q", "report", "-o", project.resolve("site").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("rpmoverlay: error: ").contains("broken").contains("stale overlay");
    assertThat(project.resolve("site/c/broken.html")).exists();
  }

  @Test
  void theSummaryCountsOneComponentInTheSingular() {
    CliRun r = CliRun.in(project, "report", "-o", project.resolve("site").toString());

    assertThat(r.err()).contains("index.html (1 component)\n");
  }
}
