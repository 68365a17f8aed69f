package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptedSwapsTest {
  @TempDir Path out;

  @Test
  void aComponentDirSetAsideButNeverReplacedIsMovedBack() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    Path aside = layout.setAsideDir("curl");
    Files.createDirectories(aside);
    Files.writeString(aside.resolve("curl.spec"), "old\n");
    Files.createDirectories(layout.stagedDir("curl"));
    Files.writeString(layout.stagedDir("curl").resolve("curl.spec"), "new\n");

    assertThat(InterruptedSwaps.repair(layout)).containsExactly("c/curl");

    assertThat(out.resolve("c/curl/curl.spec")).hasContent("old");
    assertThat(aside).doesNotExist();
  }

  @Test
  void aSetAsideDirWhoseReplacementIsInPlaceIsLeftForDeletion() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    Files.createDirectories(layout.componentDir("curl"));
    Files.writeString(layout.componentDir("curl").resolve("curl.spec"), "new\n");
    Files.createDirectories(layout.setAsideDir("curl"));
    Files.writeString(layout.setAsideDir("curl").resolve("curl.spec"), "old\n");

    assertThat(InterruptedSwaps.repair(layout)).isEmpty();

    assertThat(out.resolve("c/curl/curl.spec")).hasContent("new");
  }

  @Test
  void nothingToRepairWithoutStaging() throws IOException {
    assertThat(InterruptedSwaps.repair(new OutputLayout(out))).isEmpty();
  }

  @Test
  void componentNamesEndingInOldDoNotCollideWithSetAsideDirs() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    assertThat(layout.stagedDir("foo.old")).isNotEqualTo(layout.setAsideDir("foo"));
  }
}
