package dev.rpmoverlay.overlay;

import static dev.rpmoverlay.overlay.Overlays.fileReplace;
import static dev.rpmoverlay.overlay.Overlays.searchReplace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.testing.SpecFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Overlay regexes run on RE2 semantics: matching time is linear in the input, so a pathological
 * pattern such as {@code (a+)+$} (exponential on {@code aaaa…b} in a plain backtracking engine)
 * cannot hang a render.
 */
class RegexLinearTimeTest {
  static final String PATHOLOGICAL = "(a+)+$";

  /** A spec whose one long line is {@code n} times 'a' followed by 'b': no match, worst case for backtracking. */
  static String specWithLongLine(int n) {
    return "Name: demo\nSummary: " + "a".repeat(n) + "b\n\n%description\nDemo.\n";
  }

  @Test
  void specSearchReplaceWithNestedQuantifierFinishesQuicklyOnA100kCharacterLine() {
    SpecFixture fixture = SpecFixture.of(specWithLongLine(100_000).split("\n"));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> fixture.apply(searchReplace("", "", PATHOLOGICAL, "x")))
        .isInstanceOf(OverlayFailure.class)
        .hasMessageContaining("(a+)+$");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void matchTimeGrowsLinearlyNotExponentially() {
    long small = bestOf(3, 50_000);
    long large = bestOf(3, 400_000);
    // 8x the input: linear time gives about 8x; allow generous noise (the machine is shared), but
    // far below what even a quadratic engine would need (64x).
    assertThat((double) large / small).isLessThan(32.0);
  }

  @Test
  void fileSearchReplaceWithPathologicalPatternAlsoFinishes() {
    SpecFixture fixture = SpecFixture.of("Name: demo", "", "%description", "Demo.");
    fixture.ws.files().put("notes.txt", new TreeFile(("a".repeat(200_000) + "b\n").getBytes(StandardCharsets.UTF_8), false));
    long t0 = System.nanoTime();
    fixture.apply(fileReplace("notes.txt", "(a|aa)+b", "z"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(fixture.ws.files().get("notes.txt").orElseThrow().content()).isEqualTo("z\n".getBytes(StandardCharsets.UTF_8));
  }

  private static long bestOf(int runs, int n) {
    String spec = specWithLongLine(n);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      SourceTree tree = new SourceTree();
      tree.put("demo.spec", new TreeFile(spec.getBytes(StandardCharsets.UTF_8), false));
      Workspace ws = Workspace.fromTree("demo", "demo", tree);
      OverlayEngine engine = new OverlayEngine(Compat.AZLDEV_2026_04);
      long t0 = System.nanoTime();
      try {
        engine.apply(ws, searchReplace("", "", PATHOLOGICAL, "x"));
      } catch (OverlayFailure expected) {
        // no match: the overlay fails after scanning every line, which is the slow path we time
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }
}
