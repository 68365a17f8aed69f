package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Putting a staged component dir in place: whatever stood at its path is replaced, never written through. */
class ComponentOutputSwapTest {
  @TempDir Path tmp;
  private Path staged;
  private Path target;
  private Path aside;

  @BeforeEach
  void stage() throws IOException {
    staged = Files.createDirectories(tmp.resolve(".staging/new/demo"));
    Files.writeString(staged.resolve("demo.spec"), "Name: demo\n");
    target = tmp.resolve("out/d/demo");
    aside = tmp.resolve(".staging/old/demo");
  }

  @Test
  void aNewComponentDirIsRenamedIntoPlace() throws IOException {
    ComponentOutput.swapIn(staged, target, aside);

    assertThat(target.resolve("demo.spec")).hasContent("Name: demo");
    assertThat(staged).doesNotExist();
    assertThat(aside).doesNotExist();
  }

  @Test
  void anEarlierDirIsReplacedAndRemoved() throws IOException {
    Files.createDirectories(target);
    Files.writeString(target.resolve("stale.patch"), "old\n");

    ComponentOutput.swapIn(staged, target, aside);

    assertThat(target.resolve("demo.spec")).hasContent("Name: demo");
    assertThat(target.resolve("stale.patch")).doesNotExist();
    assertThat(aside).doesNotExist();
  }

  @Test
  void anEmptyDirInThePlaceIsReplaced() throws IOException {
    Files.createDirectories(target);

    ComponentOutput.swapIn(staged, target, aside);

    assertThat(target.resolve("demo.spec")).hasContent("Name: demo");
    assertThat(staged).doesNotExist();
  }

  @Test
  void aLinkedParentIsRefusedForEveryComponentInIt() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createDirectories(tmp.resolve("out"));
    Files.createSymbolicLink(target.getParent(), elsewhere);
    java.util.Set<Path> ready = new java.util.HashSet<>();

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> ComponentOutput.swapIn(staged, target, aside, ready)).isInstanceOf(IOException.class)
          .hasMessageContaining("is a symbolic link");
    }
    assertThat(elsewhere.resolve("demo")).doesNotExist();
  }

  @Test
  void aDanglingLinkInTheDirsPlaceIsReplacedNotFollowed() throws IOException {
    Path nowhere = tmp.resolve("nowhere");
    Files.createDirectories(target.getParent());
    Files.createSymbolicLink(target, nowhere);

    ComponentOutput.swapIn(staged, target, aside);

    assertThat(Files.isSymbolicLink(target)).isFalse();
    assertThat(target.resolve("demo.spec")).hasContent("Name: demo");
    assertThat(nowhere).doesNotExist();
    assertThat(Files.exists(aside, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void aLinkToAnotherDirInTheDirsPlaceIsReplacedAndThatDirLeftAlone() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep.txt"), "mine\n");
    Files.createDirectories(target.getParent());
    Files.createSymbolicLink(target, elsewhere);

    ComponentOutput.swapIn(staged, target, aside);

    assertThat(Files.isSymbolicLink(target)).isFalse();
    assertThat(target.resolve("demo.spec")).hasContent("Name: demo");
    assertThat(elsewhere.resolve("keep.txt")).hasContent("mine");
    assertThat(elsewhere.resolve("demo.spec")).doesNotExist();
  }
}
