package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectSnapshot;
import dev.rpmoverlay.render.CodeIdentity;
import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.upstream.KeptLockVerdicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Render's lock gate with the verdicts it keeps in the work dir (used there from 64 components on;
 * here from one): a project fetched from dist-git and pinned by {@code update}, loaded as the
 * command line loads it (through its snapshot). Whatever the last gate kept, an edited lock or
 * overlay source file is still reported.
 */
class LockGateKeptVerdictsTest {
  static final String OVERLAY_FILE = """
      [metadata]
      category = "azl-pruning"
      upstream-status = "unknown"
      [[overlays]]
      type = "spec-add-tag"
      tag = "BuildRequires"
      value = "%s"
      """;

  @TempDir Path tmp;
  Path project;
  ProjectSnapshot snapshots;

  @BeforeEach
  void pinnedProject() throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    try (Git plain = Git.init().setDirectory(server.resolve("plain").toFile()).setInitialBranch("f43").call()) {
      Files.writeString(server.resolve("plain/plain.spec"), "Name: plain\nVersion: 2.0\nRelease: 3%{?dist}\nSummary: x\nLicense: MIT\n\n%description\nx\n");
      CommitStableRenderTest.commit(plain, "2026-01-01T00:00:00Z", "Import plain");
    }
    project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(project.resolve("fix.patch"), "--- a\n+++ b\n");
    FedoraProject.writeDownstream(project, server.toUri().toString(), "2026-02-24T00:00:00Z");
    Path config = project.resolve("azldev.toml");
    Files.writeString(config, Files.readString(config) + "[components.plain]\noverlays = [ { type = \"patch-add\", source = \"fix.patch\" } ]\n");
    CliRun update = CliRun.of("update", "-C", project.toString(), "--mirror-dir", tmp.resolve("mirrors").toString(), "-a");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    snapshots = new ProjectSnapshot(tmp.resolve("snapshots"), CodeIdentity.get());
    RenderShortcutTest.settle();
  }

  /** The project as a command loads it: from its snapshot once one is kept. */
  Project load() {
    return snapshots.load(LoadOptions.of(project));
  }

  /** The gate as render -a runs it, with kept verdicts from one component on. */
  void gate(Project p) {
    LockGate.require(p, p.componentNames(), UpstreamComponents.DEFAULT_COMPAT, true, 1);
  }

  @Test
  void theGateKeepsItsVerdictsInTheWorkDirForAProjectKeptInASnapshot() {
    load(); // keeps the snapshot
    Project p = load();
    assertThat(p.snapshotGeneration()).isPresent();
    gate(p);
    assertThat(p.info().workDir().resolve(KeptLockVerdicts.FILE_NAME)).isRegularFile();
  }

  @Test
  void aConfigEditAfterAKeptVerdictIsReported() throws Exception {
    load();
    gate(load());
    RenderShortcutTest.settle();
    gate(load());
    Path config = project.resolve("azldev.toml");
    Files.writeString(config, Files.readString(config).replace("source = \"fix.patch\" }", "source = \"fix.patch\" },\n"
        + "  { type = \"spec-add-tag\", tag = \"BuildRequires\", value = \"gcc\" }"));
    RenderShortcutTest.settle();
    load(); // another generation, kept
    assertThatThrownBy(() -> gate(load())).isInstanceOf(UserException.class)
        .hasMessageContaining("component 'plain': its configuration or overlay files changed since the lock was written");
  }

  @Test
  void anEditedOverlaySourceFileIsReportedAfterAKeptVerdict() throws Exception {
    load();
    gate(load());
    RenderShortcutTest.settle();
    gate(load()); // taken from the kept verdict
    Files.writeString(project.resolve("fix.patch"), "--- a\n+++ b\n@@ another fix @@\n");
    assertThatThrownBy(() -> gate(load())).isInstanceOf(UserException.class)
        .hasMessageContaining("component 'plain': its configuration or overlay files changed since the lock was written");
  }

  @Test
  void anEditedOverlayFileIsReportedThoughNoSnapshotStampsIt() throws Exception {
    Path config = project.resolve("azldev.toml");
    Files.writeString(config, Files.readString(config) + "overlay-files = [\"plain.overlay.toml\"]\n");
    Path overlays = project.resolve("plain.overlay.toml");
    Files.writeString(overlays, OVERLAY_FILE.formatted("gcc"));
    CliRun update = CliRun.of("update", "-C", project.toString(), "--mirror-dir", tmp.resolve("mirrors").toString(), "-a");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    RenderShortcutTest.settle();
    load();
    gate(load());
    RenderShortcutTest.settle();
    gate(load());
    Files.writeString(overlays, OVERLAY_FILE.formatted("clang"));
    Project p = load();
    assertThat(p.snapshotGeneration()).as("overlay files are read at resolve time, outside the snapshot").isPresent();
    assertThatThrownBy(() -> gate(p)).isInstanceOf(UserException.class)
        .hasMessageContaining("component 'plain': its configuration or overlay files changed since the lock was written");
  }

  @Test
  void anEditedLockIsReportedAfterAKeptVerdict() throws Exception {
    load();
    gate(load());
    RenderShortcutTest.settle();
    gate(load());
    Path lock = project.resolve("locks/plain.lock");
    Files.writeString(lock, Files.readString(lock).replace("input-fingerprint", "manual-bump = 1\ninput-fingerprint"));
    assertThatThrownBy(() -> gate(load())).isInstanceOf(UserException.class)
        .hasMessageContaining("component 'plain': its configuration or overlay files changed since the lock was written");
  }
}
