package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.testing.LocalProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --check} shows the drift: which files differ and a bounded unified diff per component. */
class RenderCheckDriftTest {
  @TempDir Path project;

  @BeforeEach
  void renderTwoComponents() throws IOException {
    Files.writeString(project.resolve("azldev.toml"), LocalProject.HEADER + """
        [components.hello]
        spec = { type = "local", path = "comps/hello" }
        [components.world]
        spec = { type = "local", path = "comps/world" }
        """);
    for (String name : new String[] {"hello", "world"}) {
      Path dir = Files.createDirectories(project.resolve("comps").resolve(name));
      StringBuilder spec = new StringBuilder("Name: " + name + "\nRelease: 1%{?dist}\nSource0: " + name + ".txt\n\n%description\nd\n");
      for (int i = 0; i < 100; i++) {
        spec.append("# line ").append(i).append('\n');
      }
      Files.writeString(dir.resolve(name + ".spec"), spec);
      Files.writeString(dir.resolve(name + ".txt"), "data\n");
    }
    assertThat(render().exitCode()).isZero();
  }

  CliRun render(String... globalArgs) {
    return CliRun.in(project, globalArgs, "render", "-a");
  }

  CliRun check(String... globalArgs) {
    return CliRun.in(project, globalArgs, "render", "-a", "--check");
  }

  Path spec(String name) {
    return project.resolve("specs/" + name.charAt(0) + "/" + name + "/" + name + ".spec");
  }

  @Test
  void aCleanCheckSaysEveryComponentIsUpToDate() {
    CliRun check = check();
    assertThat(check.exitCode()).isZero();
    assertThat(check.err()).contains("2 components: 2 up to date");
    assertThat(check.out()).doesNotContain("drift in");
  }

  @Test
  void aHandEditIsShownAsAUnifiedDiffFromTheCommittedOutputToTheRenderedOne() throws IOException {
    Files.writeString(spec("hello"), Files.readString(spec("hello")).replace("# line 50\n", "# hand edit\n"));

    CliRun check = check();

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.err()).contains("2 components: 1 up to date, 1 drifted");
    assertThat(check.out()).contains("""
        drift in hello: changed hello.spec
        diff a/h/hello/hello.spec b/h/hello/hello.spec
        --- a/h/hello/hello.spec
        +++ b/h/hello/hello.spec
        @@ -57,7 +57,7 @@
         # line 47
         # line 48
         # line 49
        -# hand edit
        +# line 50
         # line 51
         # line 52
         # line 53
        """);
    assertThat(check.out()).doesNotContain("drift in world");
  }

  @Test
  void addedAndRemovedFilesAreNamed() throws IOException {
    Files.delete(project.resolve("specs/h/hello/hello.txt"));
    Files.writeString(project.resolve("specs/h/hello/stray.txt"), "left behind\n");

    CliRun check = check();

    assertThat(check.out()).contains("drift in hello: added hello.txt, removed stray.txt")
        .contains("diff /dev/null b/h/hello/hello.txt\n--- /dev/null\n+++ b/h/hello/hello.txt\n@@ -0,0 +1 @@\n+data\n")
        .contains("diff a/h/hello/stray.txt /dev/null\n--- a/h/hello/stray.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-left behind\n");
  }

  @Test
  void aLongDiffIsCutAfterFortyLinesUnlessVerbose() throws IOException {
    StringBuilder edited = new StringBuilder();
    for (String line : Files.readString(spec("hello")).split("\n")) {
      edited.append(line.startsWith("# line") ? line + " edited" : line).append('\n');
    }
    Files.writeString(spec("hello"), edited);

    CliRun cut = check();
    CliRun all = check("-v");

    String cutDiff = cut.out().substring(cut.out().indexOf("drift in hello"));
    // header line + 40 diff lines + the note
    assertThat(cutDiff.lines().count()).isEqualTo(42);
    int total = (int) all.out().substring(all.out().indexOf("drift in hello")).lines().count() - 1;
    assertThat(cutDiff).endsWith("... " + (total - DriftPrinter.TEXT_LINES) + " more lines of diff for hello, use -v to see all\n");
    assertThat(all.out()).contains("+# line 99").doesNotContain("more lines of diff");
  }

  @Test
  void jsonListsTheDriftedFilesPerComponent() throws Exception {
    Files.writeString(spec("world"), "hand edit\n");
    Files.writeString(project.resolve("specs/w/world/extra.txt"), "x\n");

    CliRun check = check("-O", "json");

    JsonNode root = new ObjectMapper().readTree(check.out());
    JsonNode world = root.get("components").get(1);
    assertThat(world.get("component").asText()).isEqualTo("world");
    assertThat(world.get("files").toString())
        .isEqualTo("[{\"path\":\"extra.txt\",\"change\":\"removed\",\"modeOnly\":false},"
            + "{\"path\":\"world.spec\",\"change\":\"changed\",\"modeOnly\":false}]");
    assertThat(root.get("components").get(0).has("files")).isFalse();
  }

  @Test
  void aChangedExecutableBitIsShownAsAModeChange() throws IOException {
    Path txt = project.resolve("specs/h/hello/hello.txt");
    Files.setPosixFilePermissions(txt, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

    CliRun check = check();

    assertThat(check.out()).contains("drift in hello: changed hello.txt (mode)\ndiff a/h/hello/hello.txt b/h/hello/hello.txt\nold mode 100755\nnew mode 100644\n");
  }
}
