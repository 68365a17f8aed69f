package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.LocalProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  @TempDir Path project;

  @BeforeEach
  void writeProject() throws IOException {
    Files.writeString(project.resolve("azldev.toml"), LocalProject.HEADER + """
        [component-groups.tools]
        components = ["hello"]

        [components.hello]
        spec = { type = "local", path = "comps/hello" }

        [[components.hello.overlays]]
        type = "spec-add-tag"
        tag = "BuildRequires"
        value = "gcc"
        description = "needs a compiler"

        [components.broken]
        spec = { type = "local", path = "comps/broken" }

        [[components.broken.overlays]]
        type = "spec-search-replace"
        regex = "^no such line$"
        description = "stale overlay"
        """);
    for (String name : new String[] {"hello", "broken"}) {
      Path dir = Files.createDirectories(project.resolve("comps").resolve(name));
      Files.writeString(dir.resolve(name + ".spec"), "Name: " + name + "\nRelease: 1%{?dist}\nSource0: " + name + ".txt\n\n%description\nd\n");
      Files.writeString(dir.resolve(name + ".txt"), "data\n");
      Files.writeString(dir.resolve("notes.md"), "not referenced\n");
    }
  }

  CliRun render(String... args) {
    return CliRun.in(project, new String[] {"render"}, args);
  }

  @Test
  void rendersSelectedComponentsIntoTheProjectsRenderedSpecsDir() throws IOException {
    CliRun run = render("hello");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("hello      ok      written");
    assertThat(Files.readString(project.resolve("specs/h/hello/hello.spec"))).contains("BuildRequires: gcc\n%description");
    assertThat(Files.exists(project.resolve("specs/h/hello/notes.md"))).isFalse();
  }

  @Test
  void aFailedComponentExitsOneWithItsErrorAndAMarker() throws IOException {
    CliRun run = render("-a", "-o", project.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("broken     error   failure marker written  component broken: overlay #1 (spec-search-replace \"stale overlay\"");
    assertThat(Files.readString(project.resolve("out/b/broken/RENDER_FAILED")))
        .startsWith("Rendering failed.\n\ncomponent broken: overlay #1 (spec-search-replace \"stale overlay\"");
    assertThat(Files.exists(project.resolve("out/h/hello/hello.spec"))).isTrue();
  }

  void renderBrokenOnceWhileItsOverlayStillApplies() throws IOException {
    Path spec = project.resolve("comps/broken/broken.spec");
    String original = Files.readString(spec);
    Files.writeString(spec, original + "no such line\n");
    assertThat(render("-a").exitCode()).isZero();
    Files.writeString(spec, original);
  }

  @Test
  void aFailedComponentKeepsItsPreviousOutputAndTheSummarySaysSo() throws IOException {
    renderBrokenOnceWhileItsOverlayStillApplies();
    String before = Files.readString(project.resolve("specs/b/broken/broken.spec"));

    CliRun run = render("-a");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("broken     error   previous output kept  component broken: overlay #1");
    assertThat(run.err()).contains("2 components: 0 rendered, 1 unchanged, 1 failed (previous output kept)");
    assertThat(Files.readString(project.resolve("specs/b/broken/broken.spec"))).isEqualTo(before);
    assertThat(Files.exists(project.resolve("specs/b/broken/RENDER_FAILED"))).isFalse();
  }

  @Test
  void aRunWithNothingToDoSaysAllAreUpToDate() {
    assertThat(render("hello").exitCode()).isZero();

    assertThat(render("hello").err()).contains("1 component: 1 up to date");
    assertThat(render("hello", "--no-incremental").err()).contains("1 component re-rendered: 1 up to date");
  }

  @Test
  void failOnErrorNeverSaysWritten() {
    CliRun run = render("-a", "--fail-on-error");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).doesNotContainPattern("(ok|error) +written").contains("hello      ok      not written");
    assertThat(run.err()).contains("2 components: 1 failed; nothing written (--fail-on-error), 1 would have been rendered");
    assertThat(Files.exists(project.resolve("specs/h/hello"))).isFalse();
  }

  @Test
  void summaryDoesNotCountAFailedComponentAsWritten() {
    CliRun run = render("-a", "-o", project.resolve("out").toString());
    assertThat(run.err()).contains("2 components: 1 rendered, 0 unchanged, 1 failed (failure marker written)");
  }

  @Test
  void anOutputPathUnderARegularFileIsAUserErrorNamingThePath() throws IOException {
    Path file = Files.writeString(project.resolve("file"), "x");
    CliRun run = render("-a", "-o", file.resolve("sub").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("rpmoverlay: error: cannot ").contains(file.resolve("sub").toString())
        .contains("not a directory; a part of that path is a regular file").doesNotContain("internal error").doesNotContain("bug");
  }

  @Test
  void aReadOnlyOutputDirIsAUserErrorAndLeavesNoStateTempFile() throws Exception {
    Path out = project.resolve("out");
    assertThat(render("-g", "tools", "-o", out.toString()).exitCode()).isEqualTo(0);
    Files.writeString(project.resolve("comps/hello/hello.spec"), "Name: hello\nRelease: 2\n\n%description\nd\n");
    try (ReadOnlyDir ro = ReadOnlyDir.of(out)) {
      CliRun run = render("-g", "tools", "-o", out.toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).startsWith("rpmoverlay: error: cannot use " + out.resolve(".rpmoverlay-staging"))
          .contains("; make it writable for this user, or choose another output dir with -o").doesNotContain("internal error");
      assertThat(out.resolve(".rpmoverlay-render-state.tmp")).doesNotExist();
    }
  }

  @Test
  void checkWorksOnAReadOnlyOutputDir() throws Exception {
    Path out = project.resolve("out");
    assertThat(render("-g", "tools", "-o", out.toString()).exitCode()).isEqualTo(0);
    try (ReadOnlyDir ro = ReadOnlyDir.of(out)) {
      CliRun run = render("-g", "tools", "--check", "-o", out.toString());
      assertThat(run.err()).doesNotContain("error");
      assertThat(run.exitCode()).isEqualTo(0);
    }
  }

  @Test
  void aLeftoverLockNamingALiveProcessIsNotCalledNoLongerRunning() throws IOException {
    ProcessHandle self = ProcessHandle.current();
    Path lock = Files.createDirectories(project.resolve("build/work")).resolve("rpmoverlay.lock");
    Files.writeString(lock, "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().orElseThrow() + "\ncommand=render\n");
    CliRun run = render("-g", "tools");
    assertThat(run.err()).contains("took over the lock left by pid " + self.pid())
        .contains("a process that is running but did not hold the lock").doesNotContain("no longer running");
  }

  @Test
  void checkExitsOneOnDriftAndWritesNothing() throws IOException {
    assertThat(render("-g", "tools").exitCode()).isEqualTo(0);
    assertThat(render("-g", "tools", "--check").exitCode()).isEqualTo(0);
    Files.writeString(project.resolve("specs/h/hello/hello.spec"), "hand edit\n");
    CliRun check = render("-p", "hel*", "--check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("hello      ok      drift");
    assertThat(Files.readString(project.resolve("specs/h/hello/hello.spec"))).isEqualTo("hand edit\n");
  }

  @Test
  void jsonSummaryListsEveryComponent() {
    CliRun run = render("-a", "-O", "json", "-o", project.resolve("out").toString());
    assertThat(run.out()).contains("\"component\" : \"broken\"").contains("\"status\" : \"error\"")
        .contains("\"component\" : \"hello\"").contains("\"status\" : \"ok\"");
  }

  @Test
  void cleanStaleNeedsAll() {
    CliRun run = render("hello", "--clean-stale");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("rpmoverlay: error: --clean-stale needs -a");
  }

  @Test
  void unknownCompatModeIsAUsageError() {
    CliRun run = render("hello", "--compat", "1999");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown --compat mode '1999' (use 'current' or 'azldev-2026-04')");
  }
}
