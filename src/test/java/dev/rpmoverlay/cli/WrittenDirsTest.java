package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.render.ComponentResult;
import dev.rpmoverlay.render.IncrementalState;
import dev.rpmoverlay.render.OutputLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stamp record's proof that each component dir still holds what render wrote into it. */
class WrittenDirsTest {
  @TempDir Path out;
  OutputLayout layout;
  final Map<String, ComponentResult> expected = new HashMap<>();

  @BeforeEach
  void renderedOutput() throws IOException {
    layout = new OutputLayout(out);
    IncrementalState state = IncrementalState.load(out);
    for (String name : new String[] {"alpha", "beta", "gamma"}) {
      Path dir = Files.createDirectories(layout.componentDir(name));
      Files.writeString(dir.resolve(name + ".spec"), "Name: " + name + "\n");
      state.record(name, "fp-" + name, IncrementalState.digest(SourceTree.readDirectory(dir)));
      expected.put(name, new ComponentResult(name, "x/" + name, ComponentResult.Status.OK, "", false, ComponentResult.Output.UNCHANGED));
    }
    state.save();
  }

  WrittenDirs writtenDirs() {
    return new WrittenDirs(expected, IncrementalState.load(out), layout);
  }

  @Test
  void dirsThatHoldWhatWasWrittenPass() {
    assertThat(writtenDirs().notHolding(Set.of("alpha", "beta", "gamma"))).isEmpty();
  }

  @Test
  void aDirWithAnEditedFileFails() throws IOException {
    Files.writeString(layout.componentDir("beta").resolve("beta.spec"), "Name: edited\n");
    assertThat(writtenDirs().notHolding(Set.of("alpha", "beta", "gamma"))).containsExactly("beta");
  }

  @Test
  void aDirWithAFileAddedFails() throws IOException {
    Files.writeString(layout.componentDir("gamma").resolve("extra"), "left by someone\n");
    assertThat(writtenDirs().notHolding(Set.of("alpha", "gamma"))).containsExactly("gamma");
  }

  @Test
  void onlyTheDirsAskedAboutAreRead() throws IOException {
    Files.writeString(layout.componentDir("gamma").resolve("extra"), "left by someone\n");
    assertThat(writtenDirs().notHolding(Set.of("alpha", "beta"))).isEmpty();
  }

  @Test
  void aFailedComponentMustHoldItsFailureMarker() throws IOException {
    Path dir = Files.createDirectories(layout.componentDir("delta"));
    Files.writeString(dir.resolve(OutputLayout.FAILED_MARKER), "render failed: component delta: no spec\n");
    expected.put("delta", new ComponentResult("delta", "d/delta", ComponentResult.Status.ERROR, "component delta: no spec", false,
        ComponentResult.Output.MARKER));
    expected.put("epsilon", new ComponentResult("epsilon", "e/epsilon", ComponentResult.Status.ERROR, "component epsilon: no spec", false,
        ComponentResult.Output.MARKER));
    assertThat(writtenDirs().notHolding(Set.of("delta", "epsilon", "zeta"))).containsExactlyInAnyOrder("epsilon", "zeta");
  }
}
