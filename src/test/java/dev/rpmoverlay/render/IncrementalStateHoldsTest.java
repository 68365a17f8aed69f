package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.overlay.FileModes;
import dev.rpmoverlay.overlay.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component dir holds what the state recorded exactly when reading it as a source tree gives
 * the recorded digest: subdirectories, the executable bit, files left on disk and {@code .git}
 * dirs count the way {@link SourceTree#readDirectoryNotingLinks} counts them.
 */
class IncrementalStateHoldsTest {
  @TempDir Path out;
  Path dir;

  @BeforeEach
  void writeComponentDir() throws Exception {
    dir = Files.createDirectories(out.resolve("d/demo"));
    Files.writeString(dir.resolve("demo.spec"), "Name: demo\n");
    Files.createDirectories(dir.resolve("tests/deeper"));
    Files.writeString(dir.resolve("tests/run.sh"), "#!/bin/sh\n");
    FileModes.apply(dir.resolve("tests/run.sh"), true);
    Files.writeString(dir.resolve("tests/deeper/data.txt"), "data\n");
    byte[] big = new byte[(int) (dev.rpmoverlay.overlay.TreeFile.IN_MEMORY_MAX_BYTES + 5)];
    big[7] = 1;
    Files.write(dir.resolve("big.tar"), big); // read as a stored file
  }

  private IncrementalState recorded() throws Exception {
    IncrementalState state = IncrementalState.load(out);
    state.record("demo", "fp", IncrementalState.digest(SourceTree.readDirectory(dir)));
    state.save();
    return IncrementalState.load(out);
  }

  @Test
  void aDirWithSubdirectoriesAndAStoredFileHoldsWhatItsSourceTreeDigestRecorded() throws Exception {
    assertThat(recorded().holds("demo", dir)).isTrue();
  }

  @Test
  void aFileThatLostItsExecutableBitNoLongerHoldsIt() throws Exception {
    IncrementalState state = recorded();
    FileModes.apply(dir.resolve("tests/run.sh"), false);

    assertThat(state.holds("demo", dir)).isFalse();
  }

  @Test
  void aChangedFileInASubdirectoryNoLongerHoldsIt() throws Exception {
    IncrementalState state = recorded();
    Files.writeString(dir.resolve("tests/deeper/data.txt"), "datA\n");

    assertThat(state.holds("demo", dir)).isFalse();
  }

  @Test
  void filesInAGitDirAreNotPartOfTheOutputButALinkThereIsNoticed() throws Exception {
    Files.createDirectories(dir.resolve("sub/.git"));
    Files.writeString(dir.resolve("sub/.git/HEAD"), "ref: refs/heads/main\n");
    IncrementalState state = recorded();

    Files.writeString(dir.resolve("sub/.git/HEAD"), "ref: refs/heads/other\n");
    assertThat(state.holds("demo", dir)).isTrue();

    Files.createSymbolicLink(dir.resolve("sub/.git/config"), dir.resolve("demo.spec"));
    assertThat(state.holds("demo", dir)).isFalse();
  }

  @Test
  void aFileNamedDotGitIsPartOfTheOutput() throws Exception {
    Files.writeString(dir.resolve(".git"), "gitdir: elsewhere\n");
    IncrementalState state = recorded();

    Files.writeString(dir.resolve(".git"), "gitdir: another\n");
    assertThat(state.holds("demo", dir)).isFalse();
  }
}
