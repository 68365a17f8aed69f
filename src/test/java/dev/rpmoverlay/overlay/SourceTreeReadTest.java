package dev.rpmoverlay.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a directory into a tree, and noting symbolic links in the same walk. */
class SourceTreeReadTest {
  @TempDir Path dir;

  @Test
  void aDirWithoutLinksReadsAsReadDirectoryReadsIt() throws Exception {
    Files.writeString(dir.resolve("x.spec"), "Name: x\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/p.patch"), "--- a\n");

    SourceTree.DirectoryRead read = SourceTree.readDirectoryNotingLinks(dir);

    assertThat(read.hasSymlinks()).isFalse();
    assertThat(read.tree().files()).isEqualTo(SourceTree.readDirectory(dir).files()).containsOnlyKeys("x.spec", "sub/p.patch");
  }

  @Test
  void aLinkToAFileOrADirectoryIsNotedAndNotFollowed() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "s\n");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("x.spec"), "Name: x\n");
    Files.createSymbolicLink(tree.resolve("leak"), outside.resolve("secret"));
    Files.createSymbolicLink(tree.resolve("dir-leak"), outside);

    SourceTree.DirectoryRead read = SourceTree.readDirectoryNotingLinks(tree);

    assertThat(read.hasSymlinks()).isTrue();
    assertThat(read.tree().files()).containsOnlyKeys("x.spec");
  }

  @Test
  void aLinkInsideGitIsNotedWhileGitsFilesAreStillNotRead() throws Exception {
    Files.writeString(dir.resolve("x.spec"), "Name: x\n");
    Files.createDirectories(dir.resolve(".git/refs"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");

    assertThat(SourceTree.readDirectoryNotingLinks(dir).hasSymlinks()).isFalse();
    assertThat(SourceTree.readDirectoryNotingLinks(dir).tree().files()).containsOnlyKeys("x.spec");

    Files.createSymbolicLink(dir.resolve(".git/refs/link"), dir.resolve("x.spec"));

    assertThat(SourceTree.readDirectoryNotingLinks(dir).hasSymlinks()).isTrue();
    assertThat(SourceTree.readDirectoryNotingLinks(dir).tree().files()).containsOnlyKeys("x.spec");
  }
}
