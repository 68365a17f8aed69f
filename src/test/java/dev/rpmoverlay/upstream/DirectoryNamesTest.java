package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryNamesTest {
  @TempDir Path dir;

  @Test
  void givesEveryNameInTheDirectoryButNotItsSubdirectoriesContents() throws Exception {
    Files.writeString(dir.resolve("b.spec"), "x");
    Files.createDirectories(dir.resolve("a/inner"));
    Files.writeString(dir.resolve(".hidden"), "x");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("nowhere"));

    assertThat(DirectoryNames.of(dir)).containsExactlyInAnyOrder("b.spec", "a", ".hidden", "link");
  }

  @Test
  void anEmptyDirectoryHasNoNames() throws Exception {
    assertThat(DirectoryNames.of(dir)).isEmpty();
  }

  @Test
  void aMissingDirectoryIsAnErrorThatSaysSo() {
    assertThatThrownBy(() -> DirectoryNames.of(dir.resolve("gone"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aFileIsNoDirectory() throws Exception {
    Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> DirectoryNames.of(dir.resolve("file"))).isInstanceOf(NotDirectoryException.class);
  }
}
