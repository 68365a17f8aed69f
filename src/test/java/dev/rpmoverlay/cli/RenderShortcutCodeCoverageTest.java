package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A stamp record is replayed only by code its stamps cover ({@link RenderShortcut#covers}): the
 * running jar must be one of the record's roots or lie under one, as it does when the checkout is
 * the project (the shipped project, run with {@code ./rpmoverlay}).
 */
class RenderShortcutCodeCoverageTest {
  private static final List<Path> ROOTS = List.of(Path.of("/work/project"), Path.of("/opt/rpmoverlay.jar"), Path.of("/work/out"));
  private static final Set<Path> EXCLUDED = Set.of(Path.of("/work/project/build/work"), Path.of("/work/out"));

  @Test
  void aJarThatIsARootIsCovered() {
    assertThat(RenderShortcut.covers(ROOTS, EXCLUDED, Path.of("/opt/rpmoverlay.jar"))).isTrue();
  }

  @Test
  void aJarInsideTheProjectDirIsCovered() {
    assertThat(RenderShortcut.covers(ROOTS, EXCLUDED, Path.of("/work/project/target/rpmoverlay.jar"))).isTrue();
  }

  @Test
  void aJarAnotherBuildRunsFromIsNotCovered() {
    assertThat(RenderShortcut.covers(ROOTS, EXCLUDED, Path.of("/opt/other/rpmoverlay.jar"))).isFalse();
    assertThat(RenderShortcut.covers(ROOTS, EXCLUDED, Path.of("/opt/rpmoverlay.jar.new"))).isFalse();
  }

  @Test
  void aJarUnderAnExcludedDirIsNotCovered() {
    assertThat(RenderShortcut.covers(ROOTS, EXCLUDED, Path.of("/work/project/build/work/rpmoverlay.jar"))).isFalse();
    assertThat(RenderShortcut.covers(ROOTS, EXCLUDED, Path.of("/work/out/rpmoverlay.jar"))).isFalse();
  }
}
