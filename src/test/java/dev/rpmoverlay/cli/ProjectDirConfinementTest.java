package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 7: directories named in the project's TOML stay inside the project; only the
 * command line ({@code render -o}) may point elsewhere.
 */
class ProjectDirConfinementTest {
  @TempDir Path dir;

  @Test
  void projectDirsOutsideTheProjectAreConfigErrors() throws IOException {
    for (String key : List.of("rendered-specs-dir", "work-dir", "lock-dir", "upstream-cache-dir", "log-dir", "output-dir")) {
      for (String value : List.of("/tmp/x", "../../x")) {
        Path project = LocalProject.write(dir.resolve(key + value.length()), key + " = \"" + value + "\"\n", "hello");
        CliRun run = CliRun.of("-C", project.toString(), "validate");
        assertThat(run.exitCode()).as(key + " = " + value).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as(key + " = " + value).contains("project." + key);
      }
    }
  }

  @Test
  void cleanStaleCannotDeleteOutsideTheProjectThroughTheConfig() throws IOException {
    Path outside = dir.resolve("x");
    Files.createDirectories(outside.resolve("a/important"));
    Files.writeString(outside.resolve("a/important/data"), "keep\n");
    Path project = LocalProject.write(dir.resolve("p/q"), "rendered-specs-dir = \"../../x\"\n", "hello");

    CliRun run = CliRun.of("-C", project.toString(), "render", "-a", "--clean-stale");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("project.rendered-specs-dir \"../../x\" points outside the project directory");
    assertThat(outside.resolve("a/important/data")).exists();
  }

  @Test
  void anOutputDirGivenOnTheCommandLineMayBeOutsideTheProject() throws IOException {
    Path project = LocalProject.write(dir.resolve("project"), "", "hello");
    Path out = dir.resolve("elsewhere");

    CliRun run = CliRun.of("-C", project.toString(), "render", "-a", "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(out.resolve("h/hello/hello.spec")).isRegularFile();
  }
}
