package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stamp shortcut of {@code render -a} ({@link RenderShortcut}) on a project the way users have
 * one: components from dist-git, fetched into the upstream cache and pinned by locks, the project
 * in git. Each kind of input edited after a recorded render must take the ordinary path.
 */
class RenderShortcutUpstreamTest {
  private static final String SHORTCUT = "unchanged stamps (shortcut)";

  @TempDir Path tmp;
  Path project;
  Path server;

  @BeforeEach
  void setUp() throws Exception {
    server = Files.createDirectories(tmp.resolve("dist-git"));
    try (Git plain = Git.init().setDirectory(server.resolve("plain").toFile()).setInitialBranch("f43").call()) {
      Files.writeString(server.resolve("plain/plain.spec"), """
          Name: plain
          Version: 2.0
          Release: 3%{?dist}
          Summary: x
          License: MIT

          %description
          x
          """);
      CommitStableRenderTest.commit(plain, "2026-01-01T00:00:00Z", "Import plain");
    }
    project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(project.resolve("azldev.toml"), """
        [project]
        default-distro = { name = "downstream" }

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

        [components.plain]
        overlays = [ { type = "spec-add-tag", tag = "BuildRequires", value = "gcc" } ]
        """.formatted(server.toUri()));
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      CommitStableRenderTest.commit(git, "2026-02-01T00:00:00Z", "Project skeleton");
    }
    CliRun update = CliRun.of("update", "-C", project.toString(), "--mirror-dir", tmp.resolve("mirrors").toString(), "-a");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    try (Git git = Git.open(project.toFile())) {
      CommitStableRenderTest.commit(git, "2026-02-02T00:00:00Z", "Pin plain");
    }
    RenderShortcutTest.settle();
    assertThat(render().exitCode()).isZero();
    RenderShortcutTest.settle();
    assertThat(render().exitCode()).isZero(); // records: every input is older than this run
    RenderShortcutTest.settle();
    assertThat(render("--check").err()).contains(SHORTCUT);
  }

  CliRun render(String... extra) {
    String[] args = Stream.concat(Stream.of("-C", project.toString(), "render", "-a", "--timings"), Stream.of(extra))
        .toArray(String[]::new);
    return CliRun.of(args);
  }

  @Test
  void anEditedLockIsNoticed() throws Exception {
    Path lock = project.resolve("locks/plain.lock");
    Files.writeString(lock, Files.readString(lock) + "\n");
    assertOrdinaryPath();
  }

  @Test
  void anEditedCacheFileIsNoticed() throws Exception {
    Path spec = project.resolve("upstream-cache/plain/plain.spec");
    if (!Files.exists(spec)) {
      try (Stream<Path> files = Files.walk(project.resolve("upstream-cache/plain"))) {
        spec = files.filter(p -> p.getFileName().toString().equals("plain.spec")).findFirst().orElseThrow();
      }
    }
    Files.writeString(spec, Files.readString(spec).replace("Version: 2.0", "Version: 2.1"));
    assertOrdinaryPath();
    // (the ordinary incremental path trusts upstream.toml's hashes for a skip; a full render verifies them)
    assertThat(render("--check", "--no-incremental").exitCode()).isNotZero();
  }

  @Test
  void aProjectCommitIsNoticed() throws Exception {
    Files.writeString(project.resolve("README"), "notes\n");
    try (Git git = Git.open(project.toFile())) {
      CommitStableRenderTest.commit(git, "2026-02-03T00:00:00Z", "Notes");
    }
    assertOrdinaryPath();
  }

  @Test
  void aProjectTemplateIsNoticed() throws Exception {
    Files.createDirectories(project.resolve("templates"));
    Files.writeString(project.resolve("templates/spec-banner.mustache"), "# generated\n");
    assertOrdinaryPath();
  }

  @Test
  void anotherBuildOfRpmoverlayIsNoticed() throws Exception {
    Path self = Path.of(RenderShortcut.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path code = Files.isDirectory(self) ? self.resolve(RenderShortcut.class.getName().replace('.', '/') + ".class") : self;
    Files.setLastModifiedTime(code, FileTime.fromMillis(System.currentTimeMillis()));
    assertOrdinaryPath();
  }

  @Test
  void aWorkDirInTheProjectDirStillGetsARecord() throws Exception {
    // render writes its record of verified cache files into the work dir while it runs
    Path config = project.resolve("azldev.toml");
    Files.writeString(config, Files.readString(config).replace("[project]\n", "[project]\nwork-dir = \".\"\n"));
    RenderShortcutTest.settle();
    assertThat(render().exitCode()).isZero();
    assertThat(project.resolve("upstream-cache-verified")).isDirectory();
    RenderShortcutTest.settle();
    assertThat(render().exitCode()).isZero();
    RenderShortcutTest.settle();
    assertThat(render("--check").err()).contains(SHORTCUT);
  }

  @Test
  void aRenderWithoutTheLockGateAfterOneWithItSkipsWhatDidNotChange() {
    CliRun again = render("--skip-lock-validation");

    assertThat(again.err()).doesNotContain(SHORTCUT).containsPattern("timing: upstream cache files +0 hashed +0 trusted");
  }

  private void assertOrdinaryPath() throws InterruptedException {
    RenderShortcutTest.settle();
    CliRun check = render("--check");
    assertThat(check.err()).as(check.err()).doesNotContain(SHORTCUT);
  }
}
