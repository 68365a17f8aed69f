package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept project is used only while nothing its load read has changed: every kind of input a load
 * reads (a config file, the names a glob lists, a path it checks, a directory on the way to one,
 * the options, the build) is changed here after a snapshot was kept, and the next load must be the
 * ordinary one and see the change.
 */
class ProjectSnapshotTest {
  @TempDir Path tmp;
  private ProjectFixture fixture;
  private ProjectSnapshot snapshots;

  @BeforeEach
  void writeProject() {
    fixture = new ProjectFixture(tmp.resolve("project"));
    fixture.project("");
    Path projectFile = fixture.dir().resolve("azldev.toml");
    try {
      Files.writeString(projectFile, Files.readString(projectFile).replace("includes = [\"comps/**/*.toml\"]", "includes = [\"comps/**/*.toml\", \"extra.toml\", \"later/*.toml\"]"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    fixture.file("extra.toml", "[component-groups.g]\ndescription = \"a group\"\ncomponents = [\"a\"]\n");
    fixture.file("comps/a/a.comp.toml", """
        [components.a]
        [[components.a.overlays]]
        description = "Fix the build"
        type = "patch-add"
        source = "../../patches/a/fix.patch"
        """);
    fixture.file("patches/a/fix.patch", "--- a\n+++ b\n"); // in no directory a glob lists
    fixture.file("comps/b/b.comp.toml", "[components.b]\nspec = { type = \"local\", path = \"spec\" }\n");
    fixture.file("comps/b/spec/b.spec", "Name: b\n");
    snapshots = new ProjectSnapshot(tmp.resolve("snapshots"), "build-1");
  }

  private ProjectSnapshot.Loaded load() {
    return snapshots.loaded(LoadOptions.of(fixture.dir()));
  }

  /** Loads once, after the file-system clock has moved past the writes, so that the load is kept. */
  private ProjectSnapshot.Loaded keptLoad() throws InterruptedException {
    settle();
    ProjectSnapshot.Loaded first = load();
    assertThat(first.fromSnapshot()).isFalse();
    return first;
  }

  private static void settle() throws InterruptedException {
    Thread.sleep(LoadReads.tickMargin(1) / 1_000_000 + 20);
  }

  @Test
  void anUnchangedProjectIsTakenFromItsSnapshot() throws Exception {
    Project parsed = keptLoad().project();

    ProjectSnapshot.Loaded again = load();

    assertThat(again.fromSnapshot()).isTrue();
    assertSameProject(again.project(), parsed);
  }

  @Test
  void aProjectTakenFromItsSnapshotHasTheGenerationItWasKeptAsAndAChangedOneAnother() throws Exception {
    Project parsed = keptLoad().project();
    assertThat(parsed.snapshotGeneration()).isPresent();
    assertThat(load().project().snapshotGeneration()).isEqualTo(parsed.snapshotGeneration());

    fixture.file("comps/b/b.comp.toml", "[components.b]\nspec = { type = \"local\", path = \"spec\" }\nrelease = { calculation = \"manual\" }\n");
    Project changed = keptLoad().project();
    assertThat(changed.snapshotGeneration()).isPresent().isNotEqualTo(parsed.snapshotGeneration());
    assertThat(load().project().snapshotGeneration()).isEqualTo(changed.snapshotGeneration());
  }

  @Test
  void aProjectInNoSnapshotHasNoGeneration() {
    assertThat(load().project().snapshotGeneration()).as("written just before the load: not kept").isEmpty();
  }

  @Test
  void filesWrittenIntoAProjectDirDoNotCountAsAChange() throws Exception {
    Path projectFile = fixture.dir().resolve("azldev.toml");
    Files.writeString(projectFile, Files.readString(projectFile).replace("[project]\n", "[project]\nwork-dir = \"build/work\"\n"));
    Path work = Files.createDirectories(fixture.dir().resolve("build/work")); // checked to lie in the project, never read
    keptLoad();
    Files.writeString(work.resolve("lint-findings"), "what a render keeps");

    assertThat(load().fromSnapshot()).isTrue();
  }

  @Test
  void aProjectWrittenJustBeforeTheLoadIsNotKept() {
    assertThat(load().fromSnapshot()).isFalse();

    assertThat(load().fromSnapshot()).isFalse();
  }

  @Test
  void anEditedComponentFileIsReadAgain() throws Exception {
    keptLoad();
    fixture.file("comps/b/b.comp.toml", "[components.c]\nspec = { type = \"local\", path = \"spec\" }\n"); // same size

    ProjectSnapshot.Loaded again = load();

    assertThat(again.fromSnapshot()).isFalse();
    assertThat(again.project().componentNames()).containsExactly("a", "c");
  }

  @Test
  void anEditedIncludedFileIsReadAgain() throws Exception {
    keptLoad();
    fixture.file("extra.toml", "[component-groups.g]\ndescription = \"b group\"\ncomponents = [\"b\"]\n");

    assertThat(load().project().groups().get("g").components()).containsExactly("b");
  }

  @Test
  void aNewFileTheGlobMatchesIsLoaded() throws Exception {
    keptLoad();
    fixture.file("comps/d.comp.toml", "[components.d]\n");

    assertThat(load().project().componentNames()).containsExactly("a", "b", "d");
  }

  @Test
  void aNewFileInADeeperDirectoryIsLoaded() throws Exception {
    keptLoad();
    fixture.file("comps/a/more/e.comp.toml", "[components.e]\n");

    assertThat(load().project().componentNames()).containsExactly("a", "b", "e");
  }

  @Test
  void aFileInADirectoryAGlobFoundMissingIsLoaded() throws Exception {
    keptLoad();
    fixture.file("later/f.toml", "[components.f]\n");

    assertThat(load().project().componentNames()).containsExactly("a", "b", "f");
  }

  @Test
  void aRemovedFileIsNoLongerLoaded() throws Exception {
    keptLoad();
    Files.delete(fixture.dir().resolve("comps/b/b.comp.toml"));

    ProjectSnapshot.Loaded again = load();

    assertThat(again.fromSnapshot()).isFalse();
    assertThat(again.project().componentNames()).containsExactly("a");
  }

  @Test
  void aRemovedOverlaySourceFailsTheLoad() throws Exception {
    keptLoad();
    Files.delete(fixture.dir().resolve("patches/a/fix.patch"));

    assertThatThrownBy(this::load).isInstanceOf(ConfigException.class).hasMessageContaining("overlay source \"../../patches/a/fix.patch\" does not exist");
  }

  @Test
  void aRemovedLocalSpecPathFailsTheLoad() throws Exception {
    keptLoad();
    Files.delete(fixture.dir().resolve("comps/b/spec/b.spec"));
    Files.delete(fixture.dir().resolve("comps/b/spec"));

    assertThatThrownBy(this::load).isInstanceOf(ConfigException.class).hasMessageContaining("local spec path \"spec\" does not exist");
  }

  @Test
  void aDirectoryOnTheWayToACheckedPathSwappedForALinkOutOfTheProjectFailsTheLoad() throws Exception {
    keptLoad();
    Path patches = fixture.dir().resolve("patches/a");
    Path outside = tmp.resolve("outside");
    Files.move(patches, outside); // the patch itself keeps its stamp: only the way to it changed
    Files.createSymbolicLink(patches, outside);

    assertThatThrownBy(this::load).isInstanceOf(ConfigException.class).hasMessageContaining("leads outside the project directory");
  }

  @Test
  void aProjectWithALinkedConfigFileIsNeverKept() throws Exception {
    Path target = tmp.resolve("outside.toml");
    Files.writeString(target, "[components.l]\n");
    Files.createSymbolicLink(fixture.dir().resolve("comps/l.comp.toml"), target);
    keptLoad();

    ProjectSnapshot.Loaded again = load();

    assertThat(again.fromSnapshot()).isFalse();
    assertThat(again.project().componentNames()).contains("l");
  }

  @Test
  void otherOptionsDoNotShareASnapshot() throws Exception {
    keptLoad();

    assertThat(snapshots.loaded(LoadOptions.of(fixture.dir()).withPermissive(true)).fromSnapshot()).isFalse();
  }

  @Test
  void anotherBuildDoesNotUseTheSnapshot() throws Exception {
    keptLoad();

    assertThat(new ProjectSnapshot(tmp.resolve("snapshots"), "build-2").loaded(LoadOptions.of(fixture.dir())).fromSnapshot()).isFalse();
  }

  @Test
  void aDamagedSnapshotIsIgnoredAndWrittenAgain() throws Exception {
    keptLoad();
    Path file = onlySnapshotFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(file, bytes);

    assertThat(load().fromSnapshot()).isFalse();
    assertThat(load().fromSnapshot()).isTrue();
  }

  @Test
  void aTruncatedSnapshotIsIgnored() throws Exception {
    keptLoad();
    Path file = onlySnapshotFile();
    Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 40));

    assertThat(load().fromSnapshot()).isFalse();
  }

  @Test
  void onlyTheNewestSnapshotsAreKept() throws Exception {
    Path dir = tmp.resolve("snapshots");
    Files.createDirectories(dir);
    for (int i = 0; i < ProjectSnapshot.KEPT + 3; i++) {
      Path old = Files.writeString(dir.resolve("old-" + i + ".project"), "x");
      Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    keptLoad();

    try (var files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(ProjectSnapshot.KEPT).doesNotContain("old-0.project", "old-1.project", "old-2.project", "old-3.project");
    }
  }

  @Test
  void aTemporaryFileLeftByAKilledProcessIsRemovedAfterAnHour() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("snapshots"));
    Path old = Files.writeString(dir.resolve("x.project.123.tmp"), "half");
    Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000L));
    Path recent = Files.writeString(dir.resolve("y.project.456.tmp"), "being written");
    keptLoad();

    assertThat(old).doesNotExist();
    assertThat(recent).exists();
  }

  private Path onlySnapshotFile() throws IOException {
    try (var files = Files.list(tmp.resolve("snapshots"))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  /** Every part of a project the loader builds. */
  static void assertSameProject(Project actual, Project expected) {
    assertThat(actual.dir()).isEqualTo(expected.dir());
    assertThat(actual.projectFile()).isEqualTo(expected.projectFile());
    assertThat(actual.configFiles()).isEqualTo(expected.configFiles());
    assertThat(actual.info()).isEqualTo(expected.info());
    assertThat(actual.distros()).isEqualTo(expected.distros());
    assertThat(actual.groups()).isEqualTo(expected.groups());
    assertThat(actual.declaredComponents()).isEqualTo(expected.declaredComponents());
    assertThat(actual.defaultComponentConfig()).isEqualTo(expected.defaultComponentConfig());
    assertThat(actual.extras()).isEqualTo(expected.extras());
    assertThat(actual.deferredFiles()).isEqualTo(expected.deferredFiles());
    assertThat(actual.warnings()).isEqualTo(expected.warnings());
    assertThat(actual.permissive()).isEqualTo(expected.permissive());
  }
}
