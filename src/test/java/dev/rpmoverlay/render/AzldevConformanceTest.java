package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every case under {@code ../shared/conformance/azldev/cases} (discovered at run time)
 * from the AZL4 project and the case's {@code upstream/}, in azldev's April-2026 compatibility
 * mode, and compares with {@code expected/} under the README's rules. The project is loaded once.
 */
class AzldevConformanceTest {
  private static Project project;

  private static synchronized Project project(Path root) {
    if (project == null) {
      project = ProjectLoader.load(LoadOptions.of(root.resolve("project")));
    }
    return project;
  }

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesAzldevsOutput() throws IOException {
    Path root = SharedData.azldevConformance().orElse(null);
    Assumptions.assumeTrue(root != null, "../shared/conformance/azldev is not present");
    List<Path> cases;
    try (Stream<Path> s = Files.list(root.resolve("cases"))) {
      cases = s.filter(p -> Files.isRegularFile(p.resolve("case.toml"))).sorted().toList();
    }
    assertThat(cases).isNotEmpty();
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(root, ConformanceCase.read(dir))));
  }

  static RenderedComponent render(Path root, ConformanceCase c) {
    ComponentConfig component = project(root).resolve(c.component());
    ComponentRenderer renderer = new ComponentRenderer(
        new DirectorySourceTreeProvider(x -> c.upstream()), Templates.bundled(), new OverlayEngine(Compat.AZLDEV_2026_04));
    return renderer.render(component, c.releaseBumps());
  }

  private static void check(Path root, ConformanceCase c) throws IOException {
    RenderedComponent rendered = render(root, c);
    SourceTree expected = SourceTree.readDirectory(c.expected());
    SourceTree actual = rendered.files();

    assertThat(rendered.specFileName()).isEqualTo(c.expectedSpec());
    String actualSpec = text(actual.get(c.expectedSpec()).orElseThrow());
    String expectedSpec = text(expected.get(c.expectedSpec()).orElseThrow());
    assertThat(ConformanceComparison.normalizeSpec(actualSpec, c))
        .as("rendered spec of %s", c.component())
        .isEqualTo(ConformanceComparison.normalizeSpec(expectedSpec, c));

    assertThat(sidecarNames(actual, c)).as("sidecar files of %s", c.component()).containsExactlyInAnyOrderElementsOf(sidecarNames(expected, c));
    for (Map.Entry<String, TreeFile> e : expected.files().entrySet()) {
      String name = e.getKey();
      if (name.equals(c.expectedSpec())) {
        continue;
      }
      TreeFile mine = actual.get(name).orElseThrow();
      assertThat(mine.executable()).as("executable bit of %s", name).isEqualTo(e.getValue().executable());
      if (!c.sidecarsNotComparable().contains(name)) {
        assertThat(text(mine)).as("content of %s", name).isEqualTo(text(e.getValue()));
      }
    }
  }

  private static List<String> sidecarNames(SourceTree tree, ConformanceCase c) {
    return tree.files().keySet().stream().filter(n -> !n.equals(c.expectedSpec())).toList();
  }

  private static String text(TreeFile f) {
    return new String(f.content(), StandardCharsets.ISO_8859_1);
  }
}
