package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rpmspec --parse} accepts the rendered spec of every conformance case whose upstream spec
 * it accepts (skipped when rpmspec or ../shared is absent; {@code apt-get install rpm} provides it).
 */
class RenderedSpecsParseTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> rpmspecAcceptsRenderedSpecsWhereItAcceptsUpstream() throws IOException {
    Path root = SharedData.azldevConformance().orElse(null);
    Assumptions.assumeTrue(root != null, "../shared/conformance/azldev is not present");
    Assumptions.assumeTrue(rpmspecAvailable(), "rpmspec is not installed");
    List<Path> cases;
    try (Stream<Path> s = Files.list(root.resolve("cases"))) {
      cases = s.filter(p -> Files.isRegularFile(p.resolve("case.toml"))).sorted().toList();
    }
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      ConformanceCase c = ConformanceCase.read(dir);
      Path upstreamSpec;
      try (Stream<Path> s = Files.list(c.upstream())) {
        upstreamSpec = s.filter(p -> p.toString().endsWith(".spec")).findFirst().orElseThrow();
      }
      Assumptions.assumeTrue(parse(upstreamSpec, c.upstream()).isEmpty(), "rpmspec rejects the upstream spec itself");
      Path out = Files.createDirectories(tmp.resolve(c.component()));
      RenderedComponent rendered = AzldevConformanceTest.render(root, c);
      rendered.files().writeTo(out);
      assertThat(parse(out.resolve(rendered.specFileName()), out)).as("rpmspec --parse of rendered %s", c.component()).isEmpty();
    }));
  }

  private static boolean rpmspecAvailable() {
    try {
      Process p = new ProcessBuilder("rpmspec", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Empty when rpmspec parses the spec, else its error output. */
  private static String parse(Path spec, Path sourceDir) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("rpmspec", "--parse", "--define", "_sourcedir " + sourceDir, spec.toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timeout";
    }
    return p.exitValue() == 0 ? "" : err.isEmpty() ? "exit " + p.exitValue() : err;
  }
}
