package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/** Each published azldev conformance case resolves as its case.toml describes it. */
class AzlCasesTest {

  @TestFactory
  Stream<DynamicTest> everyCaseResolvesAsDescribed() throws IOException {
    Path cases = SharedData.azldevCases();
    Project project = AzlProject.get();
    List<Path> caseFiles;
    try (Stream<Path> s = Files.list(cases)) {
      caseFiles = s.map(d -> d.resolve("case.toml")).filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(caseFiles).hasSizeGreaterThanOrEqualTo(22);
    return caseFiles.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName().toString(), () -> check(project, f)));
  }

  private static void check(Project project, Path caseFile) throws IOException {
    TomlParseResult c = Toml.parse(caseFile);
    ComponentConfig config = project.resolve(c.getString("component"));
    assertThat(config.definedIn().file()).isEqualTo(project.dir().resolve(c.getString("config-file")));
    assertThat(config.upstreamName()).isEqualTo(c.getString("upstream-name"));
    assertThat(config.groups()).containsExactlyElementsOf(strings(c, "component-groups"));
    assertThat(config.release().tomlName()).isEqualTo(c.getString("release-calculation"));
    List<String> types = config.overlays().stream().map(Overlay::type).distinct().toList();
    assertThat(types).containsExactlyInAnyOrderElementsOf(strings(c, "overlay-types"));
    if (c.contains("pinned-upstream-commit")) {
      assertThat(config.spec().upstreamCommit()).isEqualTo(c.getString("pinned-upstream-commit"));
    }
    assertThat(config.build().check().skip()).isEqualTo(strings(c, "synthesized-edits").contains("check-skip"));
  }

  private static List<String> strings(TomlParseResult c, String key) {
    List<String> out = new ArrayList<>();
    var a = c.getArray(key);
    for (int i = 0; a != null && i < a.size(); i++) {
      out.add(a.getString(i));
    }
    return out;
  }
}
