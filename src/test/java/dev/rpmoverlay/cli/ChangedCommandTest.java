package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.testing.LocalProject;
import dev.rpmoverlay.testing.ProjectRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code changed --from/--to} on a real git repository of a project (local components, no network). */
class ChangedCommandTest {
  @TempDir Path project;
  int commits;

  void commit(String message) throws Exception {
    ProjectRepo.commitAll(project, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * commits++), message);
  }

  CliRun run(String... args) {
    return CliRun.in(project, args);
  }

  void updateRenderCommit(String message) throws Exception {
    CliRun update = run("update", "-a");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    CliRun render = run("render", "-a");
    assertThat(render.exitCode()).as(render.out() + render.err()).isZero();
    commit(message);
  }

  void writeConfig(String helloBuildRequires) throws Exception {
    Files.writeString(project.resolve("azldev.toml"), (LocalProject.HEADER + """
        [components.hello]
        spec = { type = "local", path = "comps/hello" }
        overlays = [ { type = "spec-add-tag", tag = "BuildRequires", value = "%s" } ]
        [components.world]
        spec = { type = "local", path = "comps/world" }
        [components.zed]
        spec = { type = "local", path = "comps/zed" }
        """).formatted(helloBuildRequires));
  }

  @BeforeEach
  void aCommittedProject() throws Exception {
    Git.init().setDirectory(project.toFile()).setInitialBranch("main").call().close();
    writeConfig("gcc");
    for (String name : new String[] {"hello", "world", "zed"}) {
      Path dir = Files.createDirectories(project.resolve("comps").resolve(name));
      Files.writeString(dir.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1\nRelease: 1%{?dist}\n\n%description\nd\n");
    }
    updateRenderCommit("Import hello, world and zed");
  }

  @Test
  void aConfigChangeListsExactlyThatComponentWithInputsAndOutput() throws Exception {
    writeConfig("make");
    updateRenderCommit("hello needs make");

    CliRun changed = run("changed", "--from", "HEAD~1");

    assertThat(changed.exitCode()).as(changed.err()).isZero();
    assertThat(changed.out()).isEqualTo("""
        COMPONENT  CHANGE   INPUTS   OUTPUT
        hello      changed  changed  changed
        """);
    assertThat(changed.err()).contains("1 component changed between HEAD~1 (");
  }

  @Test
  void theDefaultToIsHeadAndTheWorkTreeIsNotLookedAt() throws Exception {
    writeConfig("make");
    updateRenderCommit("hello needs make");
    Files.writeString(project.resolve("specs/w/world/world.spec"), "uncommitted hand edit\n");

    CliRun changed = run("changed", "--from", "HEAD~1");

    assertThat(changed.exitCode()).isZero();
    assertThat(changed.out()).contains("hello").doesNotContain("world");
  }

  @Test
  void outputChangedWhileInputsDidNotIsAnError() throws Exception {
    Files.writeString(project.resolve("specs/w/world/world.spec"), "hand edit\n");
    commit("hand edit of the output");

    CliRun changed = run("changed", "--from", "HEAD~1", "--to", "HEAD");

    assertThat(changed.exitCode()).isEqualTo(1);
    assertThat(changed.out()).contains("world      changed  -       changed (inputs did not!)");
    assertThat(changed.err()).contains("component 'world': its rendered output changed between HEAD~1 and HEAD but its inputs"
        + " (lock, upstream cache entry) did not");
  }

  @Test
  void aRemovedComponentIsListedAsRemoved() throws Exception {
    Files.writeString(project.resolve("azldev.toml"), Files.readString(project.resolve("azldev.toml"))
        .replace("[components.zed]\nspec = { type = \"local\", path = \"comps/zed\" }\n", ""));
    CliRun update = run("update", "-a");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    assertThat(run("render", "-a", "--clean-stale").exitCode()).isZero();
    commit("drop zed");

    CliRun changed = run("-O", "json", "changed", "--from", "HEAD~1");

    JsonNode rows = new ObjectMapper().readTree(changed.out()).get("components");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("component").asText()).isEqualTo("zed");
    assertThat(rows.get(0).get("change").asText()).isEqualTo("removed");
    assertThat(rows.get(0).get("inputsChanged").asBoolean()).isTrue();
    assertThat(rows.get(0).get("paths").toString()).contains("locks/zed.lock", "specs/z/zed/zed.spec");
  }

  @Test
  void anUnknownRefIsAUsageErrorThatNamesIt() {
    CliRun changed = run("changed", "--from", "no-such-branch");

    assertThat(changed.exitCode()).isEqualTo(2);
    assertThat(changed.err()).contains("--from: 'no-such-branch' names no commit in");
  }

  @Test
  void comparingACommitWithItselfListsNothing() {
    CliRun changed = run("changed", "--from", "HEAD", "--to", "main");

    assertThat(changed.exitCode()).isZero();
    assertThat(changed.out()).isEmpty();
    assertThat(changed.err()).contains("0 components changed between HEAD");
  }
}
