package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit-stable rendering (docs/release.md): rendering a work tree whose locks differ from HEAD
 * gives the bytes that rendering right after committing them gives, so {@code update → render →
 * commit} leaves {@code render --check} green.
 */
class CommitStableRenderTest {

  @TempDir Path tmp;
  Path project;
  Path server;

  static void commit(Git git, String when, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Casey Committer", "casey@example.org", Instant.parse(when), ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  @BeforeEach
  void setUp() throws Exception {
    server = Files.createDirectories(tmp.resolve("dist-git"));
    try (Git auto = Git.init().setDirectory(server.resolve("auto").toFile()).setInitialBranch("f43").call()) {
      Files.writeString(server.resolve("auto/auto.spec"), """
          Name: auto
          Version: 1.0
          Release: %autorelease
          Summary: x
          License: MIT

          %description
          x

          %changelog
          %autochangelog
          """);
      commit(auto, "2026-01-01T00:00:00Z", "Import auto");
    }
    try (Git plain = Git.init().setDirectory(server.resolve("plain").toFile()).setInitialBranch("f43").call()) {
      Files.writeString(server.resolve("plain/plain.spec"), """
          Name: plain
          Version: 2.0
          Release: 3%{?dist}
          Summary: x
          License: MIT

          %description
          x

          %changelog
          * Thu Jan 01 2026 P <p@example.org> - 2.0-3
          - Import
          """);
      commit(plain, "2026-01-01T00:00:00Z", "Import plain");
    }
    project = Files.createDirectories(tmp.resolve("project"));
    writeProject("zlib-devel");
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      git.getRepository().getConfig().setString("user", null, "name", "Uma Updater");
      git.getRepository().getConfig().setString("user", null, "email", "uma@example.org");
      git.getRepository().getConfig().save();
      commit(git, "2026-02-01T00:00:00Z", "Project skeleton");
    }
  }

  void writeProject(String buildRequires) throws Exception {
    Files.writeString(project.resolve("azldev.toml"), """
        [project]
        default-distro = { name = "downstream" }
        rendered-specs-dir = "specs"

        [distros.fedora]
        default-version = "43"
        dist-git-base-uri = "%s$pkg"
        [distros.fedora.versions.43]
        release-ver = "43"
        dist-git-branch = "f43"

        [distros.downstream]
        default-version = "1"
        [distros.downstream.versions.1]
        release-ver = "1"
        default-component-config.spec = { type = "upstream", upstream-distro = { name = "fedora", version = "43", snapshot = "2026-02-24T00:00:00Z" } }

        [components.auto]
        overlays = [ { type = "spec-add-tag", tag = "BuildRequires", value = "%s" } ]

        [components.plain]
        overlays = [ { type = "spec-add-tag", tag = "BuildRequires", value = "%s" } ]
        """.formatted(server.toUri(), buildRequires, buildRequires));
  }

  CliRun run(String... args) {
    String[] ordered = new String[args.length + 4];
    ordered[0] = args[0];
    ordered[1] = "-C";
    ordered[2] = project.toString();
    ordered[3] = "--mirror-dir";
    ordered[4] = tmp.resolve("mirrors").toString();
    System.arraycopy(args, 1, ordered, 5, args.length - 1);
    return args[0].equals("update") ? CliRun.of(ordered) : CliRun.of(withoutMirror(ordered));
  }

  static String[] withoutMirror(String[] ordered) {
    String[] out = new String[ordered.length - 2];
    System.arraycopy(ordered, 0, out, 0, 3);
    System.arraycopy(ordered, 5, out, 3, ordered.length - 5);
    return out;
  }

  String spec(String name) throws Exception {
    return Files.readString(project.resolve("specs/" + name.charAt(0) + "/" + name + "/" + name + ".spec"));
  }

  void updateRenderCommit(String when, String message, String... updateArgs) throws Exception {
    String[] args = new String[updateArgs.length + 1];
    args[0] = "update";
    System.arraycopy(updateArgs, 0, args, 1, updateArgs.length);
    CliRun update = run(args);
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    CliRun render = run("render", "-a");
    assertThat(render.exitCode()).as(render.out() + render.err()).isZero();
    try (Git git = Git.open(project.toFile())) {
      commit(git, when, message);
    }
  }

  @Test
  void renderBeforeTheCommitEqualsRenderAfterIt() throws Exception {
    updateRenderCommit("2026-03-01T00:00:00Z", "Import auto and plain", "-a");
    String autoBefore = spec("auto");
    String plainBefore = spec("plain");

    CliRun check = run("render", "-a", "--check");

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(spec("auto")).isEqualTo(autoBefore);
    assertThat(plainBefore).contains("Release: 4%{?dist}");
  }

  @Test
  void aSecondChangeIsGreenRightAfterItsCommitAndCountsOnce() throws Exception {
    updateRenderCommit("2026-03-01T00:00:00Z", "Import", "-a");
    writeProject("zstd-devel");
    updateRenderCommit("2026-03-02T00:00:00Z", "Use zstd", "-a");

    CliRun check = run("render", "-a", "--check");

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(spec("plain")).contains("Release: 5%{?dist}");
    assertThat(spec("auto")).contains("release_number = 3;").contains("Uma Updater <uma@example.org>")
        .contains("- Update downstream changes").doesNotContain("Use zstd");
  }

  @Test
  void anAmendWithAnotherMessageAndDateChangesNothing() throws Exception {
    updateRenderCommit("2026-03-01T00:00:00Z", "Import", "-a");
    try (Git git = Git.open(project.toFile())) {
      PersonIdent other = new PersonIdent("Someone Else", "else@example.org", Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
      git.commit().setAmend(true).setMessage("Reworded").setAuthor(other).setCommitter(other).call();
    }

    CliRun check = run("render", "-a", "--check");

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
  }

  @Test
  void aBumpIsOneDownstreamChangeGreenAfterItsCommit() throws Exception {
    updateRenderCommit("2026-03-01T00:00:00Z", "Import", "-a");
    updateRenderCommit("2026-03-02T00:00:00Z", "Rebuild plain", "--bump", "plain", "-m", "Rebuild for the new toolchain");

    CliRun check = run("render", "-a", "--check");

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(spec("plain")).contains("Release: 5%{?dist}");
    assertThat(Files.readString(project.resolve("locks/plain.lock"))).contains("manual-bump = 1")
        .contains("change-subject = \"Rebuild for the new toolchain\"");
  }

  @Test
  void aOneComponentRenderAfterTheHistoryMovedBackCountsOnlyWhatIsLeft() throws Exception {
    updateRenderCommit("2026-03-01T00:00:00Z", "Import", "-a");
    updateRenderCommit("2026-03-02T00:00:00Z", "Rebuild plain", "--bump", "plain", "-m", "Rebuild for the new toolchain");
    CliRun bumped = run("render", "-p", "plain"); // keeps plain's lock history at this HEAD in .git/rpmoverlay/
    assertThat(bumped.exitCode()).as(bumped.out() + bumped.err()).isZero();
    assertThat(spec("plain")).contains("Release: 5%{?dist}");
    try (Git git = Git.open(project.toFile())) {
      git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("HEAD~1").call();
    }

    CliRun render = run("render", "-p", "plain");

    assertThat(render.exitCode()).as(render.out() + render.err()).isZero();
    assertThat(spec("plain")).contains("Release: 4%{?dist}");
  }
}
