package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.*;
import dev.rpmoverlay.overlay.*;
import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchBigSpecTest {
  @Test
  void big() throws Exception {
    byte[] spec = Files.readAllBytes(Path.of("/work/shared/conformance/azldev/cases/gnulib/upstream/gnulib.spec"));
    byte[] big = SpecMutations.mutate(spec, new Random(1), 500);
    ComponentConfig c = new ComponentConfig("gnulib", SourcePosition.of(Path.of("x")), List.of(),
          new SpecSource("local", Optional.empty(), DistroRef.NONE, "", ""), ReleaseCalculation.MANUAL,
          BuildConfig.NONE, false, List.of(), List.of());
    jdk.jfr.Recording rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
    rec.setDestination(Path.of("/tmp/big.jfr"));
    rec.start();
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = bean.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    SourceTree tree = new SourceTree();
    tree.put("gnulib.spec", new TreeFile(big, false));
    new ComponentRenderer(x -> tree.copy(), Templates.bundled(), new OverlayEngine(Compat.CURRENT)).render(c, 0);
    System.out.printf("big: %d bytes, wall %.2f s, cpu %.2f s%n", big.length, (System.nanoTime() - t0) / 1e9, (bean.getCurrentThreadCpuTime() - cpu0) / 1e9);
    rec.stop(); rec.close();
  }
}
