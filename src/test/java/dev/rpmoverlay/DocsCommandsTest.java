package dev.rpmoverlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command block of README.md and docs/*.md (the tutorial has {@link TutorialTest}) on a
 * fresh copy of the shipped project, one copy per document, in document order: each command must
 * succeed, each {@code text} block after it must match its output, and the committed output
 * ({@code golden/}, the cache, the locks) must be unchanged afterwards, since every document says
 * the shipped project renders to what is committed. A command that cannot run on the shipped
 * project is listed in {@link #NOT_RUN} with the reason.
 */
class DocsCommandsTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  /** Documented commands this test does not run, each with why (exact text as the document shows it, comment dropped). */
  static final Map<String, String> NOT_RUN = Map.ofEntries(
      Map.entry("mvn -B verify", "the build that runs this test"),
      Map.entry("./rpmoverlay -C ../shared/conformance/azldev/project validate", "needs ../shared (the AZL4 project)"),
      Map.entry("./rpmoverlay -C ../shared/conformance/azldev/project show kernel", "needs ../shared (the AZL4 project)"),
      Map.entry("../shared/corpus/extract.sh /tmp/corpus", "needs ../shared (the spec corpus)"),
      Map.entry("./rpmoverlay bench roundtrip /tmp/corpus/specs", "needs ../shared (the spec corpus)"),
      Map.entry("./rpmoverlay bench config ../shared/conformance/azldev/project", "needs ../shared (the AZL4 project)"),
      Map.entry("./rpmoverlay bench autorelease", "a benchmark, tested by BenchAutoreleaseCommandTest"),
      Map.entry("./rpmoverlay bench fetch --repos 200", "a benchmark, tested by BenchFetchCommandTest"),
      Map.entry("./rpmoverlay bench outdated --repos 2000", "a benchmark, tested by BenchOutdatedCommandTest"),
      Map.entry("./rpmoverlay bench rpm-sources /tmp/corpus/specs", "needs ../shared (the spec corpus) and rpmspec; tested by BenchRpmSourcesCommandTest"),
      Map.entry("bench/distro.sh [WORK]", "needs ../shared; the full-distro benchmark"),
      Map.entry("bench/autospec-vs-rpmautospec.sh RPMAUTOSPEC_SRC [WORK]",
          "needs an rpmautospec source tree, Python with rpm/pygit2/click and ../shared; BenchAutoreleaseCommandTest tests --write"),
      Map.entry("bench/cds-coverage.sh", "builds the jar and its archives in the checkout itself; .ci/run runs it after the tests"),
      Map.entry("rpmoverlay autospec process SPEC_OR_DIR TARGET", "placeholders; tested by AutospecCommandTest"),
      Map.entry("rpmoverlay autospec calculate-release SPEC_OR_DIR", "placeholders; tested by AutospecCommandTest"),
      Map.entry("rpmoverlay autospec facts SPEC_OR_DIR", "placeholders; tested by AutospecCommandTest"),
      Map.entry("./rpmoverlay update -a --dist-git-mirror https://src.fedoraproject.org/rpms/=/srv/fedora-distgit/",
          "the reader's own mirror; docs/shipped-project.md runs the same with the example mirror"),
      Map.entry("./rpmoverlay -C ../acme add curl zlib expat", "works on the project 'init ../acme' wrote, not the copy; InitCommandTest runs init, add, validate, update and render"),
      Map.entry("./rpmoverlay -C ../acme validate", "works on the project 'init ../acme' wrote, not the copy; InitCommandTest runs it"),
      Map.entry("git add upstream-cache locks && git commit", "the copy already holds this data: nothing to commit"),
      Map.entry("git add golden && git commit", "the copy already holds this data: nothing to commit"));

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommandRunsOnTheShippedProject() throws IOException {
    assumeTrue(DocCommandRunner.onPath("bash") && DocCommandRunner.onPath("git") && DocCommandRunner.onPath("perl"), "needs bash, git and perl");
    return documents().stream().map(doc -> DynamicTest.dynamicTest(REPO.relativize(doc).toString(), () -> runDocument(doc)));
  }

  @Test
  void everyCommandLeftOutIsStillDocumented() throws IOException {
    TreeSet<String> documented = new TreeSet<>();
    for (Path doc : documents()) {
      for (TutorialScript.Step step : script(doc).steps()) {
        if (step instanceof TutorialScript.Command c) {
          documented.add(c.text());
        }
      }
    }
    assertThat(documented).as("commands in README.md and docs/").containsAll(NOT_RUN.keySet());
  }

  private void runDocument(Path doc) throws Exception {
    String name = REPO.relativize(doc).toString();
    boolean runsSomething = script(doc).steps().stream().anyMatch(s -> s instanceof TutorialScript.Command c && !NOT_RUN.containsKey(c.text()));
    if (!runsSomething) {
      return; // nothing to run: no copy of the project needed
    }
    DocCommandRunner runner = DocCommandRunner.onCopyOf(REPO, Files.createTempDirectory(tmp, "doc"));
    int block = -1;
    StringBuilder blockOutput = new StringBuilder();
    for (TutorialScript.Step step : script(doc).steps()) {
      if (step instanceof TutorialScript.Command c) {
        if (NOT_RUN.containsKey(c.text())) {
          continue;
        }
        if (c.block() != block) {
          block = c.block();
          blockOutput.setLength(0);
        }
        blockOutput.append(runner.run(name + ":" + c.line(), c.text()));
      } else if (step instanceof TutorialScript.ExpectOutput e && e.block() == block) {
        for (String line : e.lines()) {
          assertThat(blockOutput.toString()).as("%s:%d: output shown matches the commands' output", name, e.line()).contains(line);
        }
      }
    }
    assertThat(runner.shell("git status --porcelain -- golden upstream-cache locks components"))
        .as("%s: the shipped project's committed files are unchanged by its commands", name)
        .isEmpty();
  }

  private static TutorialScript script(Path doc) throws IOException {
    return TutorialScript.parse(Files.readString(doc, StandardCharsets.UTF_8));
  }

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(REPO.resolve("README.md")));
    try (Stream<Path> files = Files.list(REPO.resolve("docs"))) {
      files.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().equals("tutorial.md"))
          .sorted()
          .forEach(docs::add);
    }
    return docs;
  }
}
