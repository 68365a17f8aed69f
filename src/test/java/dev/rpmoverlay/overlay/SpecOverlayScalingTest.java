package dev.rpmoverlay.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.testing.SpecFixture;
import dev.rpmoverlay.testing.StructureContents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 10: thousands of tag overlays on one spec. Each used to rescan the whole spec
 * (layout, tags, conditional depth), so 10,000 {@code spec-insert-tag} overlays took 127 s and
 * 2.1 GB; now an insert moves the document's structure along by the size of its change.
 */
class SpecOverlayScalingTest {
  static final String[] SPEC = {
    "Name:           demo",
    "Version:        1.0",
    "Release:        7%{?dist}",
    "Source0:        demo.tar.gz",
    "%if %{with x}",
    "Source2:        x.txt",
    "BuildRequires:  x-devel",
    "%endif",
    "BuildRequires:  gcc",
    "Requires:       bash",
    "",
    "%description",
    "Demo.",
    "",
    "%package devel",
    "Summary:        Devel",
    "Requires:       demo",
    "",
    "%description devel",
    "Devel.",
    "",
    "%prep",
    "%autosetup",
    "",
    "%files devel",
    "",
    "%changelog",
    "* Mon Jan 01 2024 A <a@b> - 1.0-1",
    "- x",
  };

  private static OverlayInfo info(int index) {
    return new OverlayInfo(index, "", Optional.empty(), new SourcePosition(Path.of("comps/demo/demo.comp.toml"), 3, 1));
  }

  /** {@code n} of each: add-tag to the main package and devel, insert-tag of three families. */
  static List<Overlay> overlays(int n) {
    List<Overlay> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = out.size();
      switch (i % 4) {
        case 0 -> out.add(new Overlay.SpecAddTag(info(k), "BuildRequires", "a" + i, ""));
        case 1 -> out.add(new Overlay.SpecAddTag(info(k), "Provides", "p" + i, "devel"));
        case 2 -> out.add(new Overlay.SpecAddTag(info(k), "Source" + (100 + i), "s" + i + ".txt", ""));
        default -> out.add(new Overlay.SpecAddTag(info(k), "Recommends", "r" + i, ""));
      }
      k = out.size();
      switch (i % 3) {
        case 0 -> out.add(new Overlay.SpecInsertTag(info(k), "BuildRequires", "b" + i, ""));
        case 1 -> out.add(new Overlay.SpecInsertTag(info(k), "Source" + (20000 + i), "t" + i + ".txt", ""));
        default -> out.add(new Overlay.SpecInsertTag(info(k), "Requires", "q" + i, "devel"));
      }
    }
    return out;
  }

  private static long applyMillis(int n) {
    List<Overlay> overlays = overlays(n);
    SpecFixture fixture = SpecFixture.of(SPEC);
    long start = System.nanoTime();
    for (Overlay o : overlays) {
      fixture.engine.apply(fixture.ws, o);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(fixture.ws.spec().size()).isEqualTo(SPEC.length + 2 * n);
    return ms;
  }

  @Test
  void fiveThousandAddTagAndFiveThousandInsertTagOverlaysTakeSeconds() {
    long ms = applyMillis(5_000);
    // Took minutes before the fix; about 0.1 s after. Generous for a loaded 2-core machine.
    assertThat(ms).as("10,000 tag overlays took %d ms", ms).isLessThan(20_000);
  }

  @Test
  void timeGrowsAboutLinearlyWithTheNumberOfOverlays() {
    applyMillis(2_000); // warm up the JIT
    long small = Math.max(1, minOf3(1_000));
    long large = minOf3(8_000);
    // 8x the overlays: quadratic would be ~64x (and was); linear ~8x. 32x leaves room for noise.
    assertThat(large).as("1,000: %d ms, 8,000: %d ms", small, large).isLessThan(Math.max(32 * small, 5_000));
  }

  private static long minOf3(int n) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      best = Math.min(best, applyMillis(n));
    }
    return best;
  }

  @Test
  void theStructureKeptUpToDateByInsertsEqualsAFreshScan() {
    SpecFixture fixture = SpecFixture.of(SPEC);
    SpecLines spec = fixture.ws.spec();
    List<Overlay> overlays = new ArrayList<>(overlays(300));
    int k = overlays.size();
    overlays.add(new Overlay.SpecAppendLines(info(k), "", "", List.of("%if 0", "# c", "BuildRequires: cond", "%endif")));
    overlays.add(new Overlay.SpecInsertTag(info(k + 1), "BuildRequires", "after-cond", ""));
    overlays.add(new Overlay.SpecPrependLines(info(k + 2), "%package", "devel", List.of("Provides: top")));
    overlays.add(new Overlay.SpecInsertTag(info(k + 3), "Provides", "p", "devel"));
    for (Overlay o : overlays) {
      fixture.engine.apply(fixture.ws, o);
      assertThat(StructureContents.of(spec.document().structure()))
          .isEqualTo(StructureContents.ofFreshScan(spec.document()));
    }
    assertThat(fixture.text()).contains("BuildRequires: cond\n%endif\nBuildRequires: after-cond\n");
  }

  /** Prints timings for the commit message: {@code -Dscaling.n=1000,4000}. */
  @Test
  void report() {
    String ns = System.getProperty("scaling.n");
    if (ns == null) {
      return;
    }
    for (String s : ns.split(",")) {
      int n = Integer.parseInt(s);
      Runtime.getRuntime().gc();
      long ms = applyMillis(n);
      System.out.println("SCALING n=" + n + " (" + 2 * n + " overlays): " + ms + " ms");
    }
  }
}
