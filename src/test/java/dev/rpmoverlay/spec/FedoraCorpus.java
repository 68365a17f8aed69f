package dev.rpmoverlay.spec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpmoverlay.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Fedora rawhide spec corpus from {@code ../shared/corpus} (or {@code -Drpmoverlay.shared}),
 * extracted once into {@code target/corpus} with the corpus's own {@code extract.sh}. Tests that
 * use it skip when the shared data is absent.
 */
final class FedoraCorpus {
  static final int SPEC_COUNT = 23_600;
  private static final String MARKER = ".complete-fedora-rawhide-specs-2026-02-24";

  private FedoraCorpus() {}

  /** The extracted {@code *.spec} files, sorted; skips the calling test when unavailable. */
  static synchronized List<Path> specs() throws IOException, InterruptedException {
    Path shared = SharedData.path();
    Path script = shared.resolve("corpus/extract.sh");
    assumeTrue(Files.isRegularFile(script), "spec corpus not available at " + script);
    Path dest = Path.of("target", "corpus").toAbsolutePath();
    Path specs = dest.resolve("specs");
    if (!Files.exists(specs.resolve(MARKER))) {
      Process p = new ProcessBuilder("bash", script.toString(), dest.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      assumeTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "extract.sh failed for " + dest);
    }
    try (Stream<Path> list = Files.list(specs)) {
      return list.filter(f -> f.getFileName().toString().endsWith(".spec")).sorted().toList();
    }
  }
}
