package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.overlay.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A component dir holds what the state recorded only with the same files and no symbolic link anywhere in it. */
class IncrementalStateLinksTest {
  @TempDir Path out;

  private Path renderedDir() throws Exception {
    Path dir = Files.createDirectories(out.resolve("d/demo"));
    Files.writeString(dir.resolve("demo.spec"), "Name: demo\n");
    IncrementalState state = IncrementalState.load(out);
    state.record("demo", "fp", IncrementalState.digest(SourceTree.readDirectory(dir)));
    state.save();
    return dir;
  }

  @Test
  void theDirAsWrittenHoldsWhatWasRecorded() throws Exception {
    Path dir = renderedDir();

    assertThat(IncrementalState.load(out).holds("demo", dir)).isTrue();
    assertThat(IncrementalState.load(out).unchanged("demo", "fp", dir)).isTrue();
  }

  @Test
  void aSymbolicLinkAddedToTheDirMeansItNoLongerHoldsIt() throws Exception {
    Path dir = renderedDir();
    Files.createSymbolicLink(dir.resolve("extra"), Files.writeString(out.resolve("elsewhere"), "x\n"));

    assertThat(IncrementalState.load(out).holds("demo", dir)).isFalse();
    assertThat(IncrementalState.load(out).unchanged("demo", "fp", dir)).isFalse();
  }

  @Test
  void aFileReplacedByALinkToTheSameBytesMeansItNoLongerHoldsIt() throws Exception {
    Path dir = renderedDir();
    Path copy = Files.writeString(out.resolve("copy.spec"), "Name: demo\n");
    Files.delete(dir.resolve("demo.spec"));
    Files.createSymbolicLink(dir.resolve("demo.spec"), copy);

    assertThat(IncrementalState.load(out).holds("demo", dir)).isFalse();
  }
}
