package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpmoverlay.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rpmautospec conformance suite (../shared/conformance/rpmautospec): the repositories are
 * built with its make-cases.sh, and for every case the processed spec (or "nothing to do") and
 * the calculated release must equal what rpmautospec 0.8.5 produced, byte for byte.
 */
class RpmautospecConformanceTest {
  @TempDir static Path repos;
  private static Path suite;

  @BeforeAll
  static void buildRepositories() throws Exception {
    Optional<Path> shared = SharedData.dir();
    assumeTrue(shared.isPresent(), "../shared is absent: rpmautospec conformance skipped");
    suite = shared.get().resolve("conformance/rpmautospec");
    assumeTrue(Files.isDirectory(suite), "no conformance/rpmautospec in ../shared");
    assumeTrue(SharedData.onPath("git") && SharedData.onPath("bash"), "git or bash not on PATH: conformance skipped");
    Process p =
        new ProcessBuilder("bash", suite.resolve("make-cases.sh").toString(), repos.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("make-cases.sh failed:%n%s", output).isZero();
  }

  private static Map<String, String> expectedHeads() throws IOException {
    Map<String, String> heads = new LinkedHashMap<>();
    for (String line : Files.readAllLines(suite.resolve("expected/HEADS"))) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 2) {
        heads.put(parts[0], parts[1]);
      }
    }
    return heads;
  }

  @Test
  void repositoriesHaveTheCommitIdsRpmautospecSaw() throws IOException {
    for (Map.Entry<String, String> e : expectedHeads().entrySet()) {
      try (Repository repo = open(e.getKey())) {
        assertThat(repo.resolve("HEAD").name()).as(e.getKey()).isEqualTo(e.getValue());
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesRpmautospec() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : expectedHeads().keySet()) {
      tests.add(DynamicTest.dynamicTest(name, () -> checkCase(name)));
    }
    return tests.stream();
  }

  private static void checkCase(String name) throws Exception {
    Path expected = suite.resolve("expected");
    String specText = Files.readString(repos.resolve(name).resolve(name + ".spec"), StandardCharsets.UTF_8);
    HistoryFacts facts;
    try (Repository repo = open(name)) {
      ObjectId head = repo.resolve("HEAD");
      facts = HistoryReader.read(repo, head, name + ".spec");
    }
    // Compute from the facts as stored, to prove the text form carries everything needed.
    HistoryFacts stored = HistoryFactsJson.read(HistoryFactsJson.write(facts));
    assertThat(stored).isEqualTo(facts);
    facts = stored;
    AutospecInput input = AutospecInput.of(facts, specText);
    Autospec autospec = new Autospec();

    String release = "Calculated release number: " + autospec.compute(input).release() + "\n";
    assertThat(release).isEqualTo(Files.readString(expected.resolve(name + ".release"), StandardCharsets.UTF_8));

    Optional<String> processed = autospec.process(input);
    Path expectedSpec = expected.resolve(name + ".spec");
    if (Files.exists(expectedSpec)) {
      assertThat(processed).isPresent();
      assertThat(processed.get()).isEqualTo(Files.readString(expectedSpec, StandardCharsets.UTF_8));
    } else {
      assertThat(expected.resolve(name + ".noop")).exists();
      assertThat(processed).isEmpty();
    }
  }

  private static Repository open(String name) throws IOException {
    return new FileRepositoryBuilder().setGitDir(repos.resolve(name).resolve(".git").toFile()).setMustExist(true).build();
  }
}
