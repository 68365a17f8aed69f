package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

class ConfigCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    write("azldev.toml", """
        includes = ["comps/*.toml"]
        [project]
        default-distro = { name = "fedora" }
        [distros.fedora]
        default-version = "43"
        dist-git-base-uri = "https://src.example/rpms/$pkg.git"
        [distros.fedora.versions.43]
        dist-git-branch = "f43"
        [distros.fedora.versions.43.default-component-config]
        spec = { type = "upstream", upstream-distro = { name = "fedora", version = "43", snapshot = "2026-01-01T00:00:00Z" } }
        [component-groups.no-check]
        components = ["curl"]
        default-component-config.build.check = { skip = true, skip_reason = "flaky" }
        """);
    write("comps/all.toml", """
        [components.bash]
        [components."python3.14"]
        [components.curl]
        build.without = ["tests"]
        [[components.curl.overlays]]
        description = "Add BR"
        type = "spec-add-tag"
        tag = "BuildRequires"
        value = "zlib-devel"
        """);
  }

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private CliRun run(String... args) {
    return CliRun.in(dir, args);
  }

  @Test
  void listPrintsEveryComponentSorted() {
    CliRun r = run("list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("bash\ncurl\npython3.14\n");
  }

  @Test
  void listFiltersByGlobGroupAndName() {
    assertThat(run("list", "-p", "python3.*").out()).isEqualTo("python3.14\n");
    assertThat(run("list", "-g", "no-check").out()).isEqualTo("curl\n");
    assertThat(run("list", "bash", "-p", "c*").out()).isEqualTo("bash\ncurl\n");
  }

  @Test
  void listWithAnUnknownGroupIsAUsageError() {
    CliRun r = run("list", "-g", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("rpmoverlay: error: unknown component group 'nope' (known: no-check)\n");
  }

  @Test
  void listWithAPatternThatMatchesNothing() {
    CliRun r = run("list", "-p", "zz*");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("rpmoverlay: error: no component matches 'zz*'\n");
  }

  @Test
  void listAsJsonCarriesGroupsAndPositions() throws IOException {
    JsonNode rows = JSON.readTree(run("-O", "json", "list").out());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get("name").asText()).isEqualTo("curl");
    assertThat(rows.get(1).get("groups").get(0).asText()).isEqualTo("no-check");
    assertThat(rows.get(1).get("definedIn").asText()).isEqualTo("comps/all.toml:3:1");
    assertThat(rows.get(1).get("renderedDir").asText()).isEqualTo("specs/c/curl");
  }

  @Test
  void showAttributesEachValueToItsLayer() {
    CliRun r = run("show", "curl");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("upstream     https://src.example/rpms/curl.git branch f43 at snapshot 2026-01-01T00:00:00Z")
        .containsPattern("spec.upstream-distro.snapshot +\"2026-01-01T00:00:00Z\" +<- distro fedora 43")
        .containsPattern("build.check.skip +true +<- group no-check")
        .containsPattern("build.check.skip_reason +\"flaky\" +<- group no-check")
        .containsPattern("build.without +\\[\"tests\"\\] +<- component curl")
        .contains("  #1  spec-add-tag  Add BR  comps/all.toml:5:1");
  }

  @Test
  void showAsJson() throws IOException {
    JsonNode c = JSON.readTree(run("show", "curl", "-O", "json").out());
    assertThat(c.get("fields").get("build.check.skip").get("from").get(0).asText()).isEqualTo("group no-check");
    assertThat(c.get("overlays").get(0).get("value").asText()).isEqualTo("zlib-devel");
    assertThat(c.get("upstream").get("distGitBranch").asText()).isEqualTo("f43");
  }

  @Test
  void showOfAnUnknownComponent() {
    CliRun r = run("show", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("rpmoverlay: error: no component named 'nope'");
  }

  @Test
  void validateReportsSuccess() {
    CliRun r = run("validate");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("ok: 3 components, 1 groups, 1 distros, 2 config files\n");
  }

  @Test
  void validateReportsEveryErrorWithoutAStackTrace() throws IOException {
    write("comps/bad.toml", "[components.x]\nbuild.check.skip = true\n[[components.y.overlays]]\ntype = \"spec-add-tag\"\ntag = \"A\"\n");
    CliRun r = run("validate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "rpmoverlay: error: invalid configuration (2 errors):\n"
                + "comps/bad.toml:2:1: error: component 'x': 'build.check.skip_reason' is required when build.check.skip = true\n"
                + "  hint: add skip_reason = \"why the tests cannot run\" (note the underscore)\n"
                + "comps/bad.toml:3:1: error: component 'y', overlay #1 ((no description)): overlay type \"spec-add-tag\" requires \"value\" field\n"
                + "  hint: add value = \"...\" to this overlay\n");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void validateAsJsonListsProblems() throws IOException {
    write("comps/bad.toml", "[components.x]\nbuild.check.skip = true\n");
    CliRun r = run("validate", "-O", "json");
    assertThat(r.exitCode()).isEqualTo(2);
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("valid").asBoolean()).isFalse();
    JsonNode p = report.get("problems").get(0);
    assertThat(p.get("file").asText()).isEqualTo("comps/bad.toml");
    assertThat(p.get("line").asInt()).isEqualTo(2);
    assertThat(p.get("component").asText()).isEqualTo("x");
  }

  @Test
  void brokenTomlInAnyCommandIsAUserError() throws IOException {
    write("comps/bad.toml", "[components.x\n");
    CliRun r = run("list");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("rpmoverlay: error: invalid configuration (1 error):\ncomps/bad.toml:1:14: error: invalid TOML:");
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void anOverlayFileProblemFoundWhileResolvingIsAUserError() throws IOException {
    write("comps/of.toml", "[components.of]\noverlay-files = [\"missing.overlay.toml\"]\n");
    CliRun r = run("show", "of");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "rpmoverlay: error: invalid configuration (1 error):\n"
                + "comps/of.toml:1:1: error: component 'of': overlay file missing.overlay.toml does not exist\n"
                + "  hint: fix the path (relative to the component's config file) or remove it\n");
  }

  @Test
  void permissiveConfigWarnsAboutUnknownKeys() throws IOException {
    write("comps/extra.toml", "[components.z]\nnew-azldev-key = true\n");
    assertThat(run("list").exitCode()).isEqualTo(2);
    CliRun r = run("--permissive-config", "list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEqualTo("comps/extra.toml:2:1: warning: component 'z': unknown key 'components.z.new-azldev-key'\n");
  }

  @Test
  void configDumpTomlIsValidTomlThatQuotesDottedNames() {
    CliRun r = run("config", "dump");
    assertThat(r.exitCode()).isZero();
    TomlParseResult parsed = Toml.parse(r.out(), TomlVersion.V1_0_0);
    assertThat(parsed.errors()).isEmpty();
    assertThat(r.out()).contains("[components.\"python3.14\"]");
    assertThat(parsed.getArray(java.util.List.of("components", "curl", "overlays")).getTable(0).getString("value")).isEqualTo("zlib-devel");
    assertThat(parsed.getString(java.util.List.of("project", "rendered-specs-dir"))).isEqualTo("specs");
  }

  @Test
  void configDumpJson() throws IOException {
    JsonNode tree = JSON.readTree(run("config", "dump", "-f", "json").out());
    assertThat(tree.get("distros").get("fedora").get("versions").get("43").get("dist-git-branch").asText()).isEqualTo("f43");
    assertThat(tree.get("component-groups").get("no-check").get("components").get(0).asText()).isEqualTo("curl");
  }

  @Test
  void schemaIsJsonSchemaCoveringEveryOverlayType() throws IOException {
    CliRun r = run("schema");
    assertThat(r.exitCode()).isZero();
    JsonNode schema = JSON.readTree(r.out());
    assertThat(schema.get("$schema").asText()).contains("json-schema.org");
    JsonNode overlay = schema.at("/properties/components/additionalProperties/properties/overlays/items");
    assertThat(overlay.at("/properties/type/enum")).hasSize(17);
    assertThat(overlay.get("additionalProperties").asBoolean()).isFalse();
    assertThat(overlay.get("allOf").get(0).at("/then/required").toString()).isEqualTo("[\"tag\",\"value\"]");
  }

  @Test
  void outputIsIdenticalAcrossRuns() {
    assertThat(run("config", "dump").out()).isEqualTo(run("config", "dump").out());
    assertThat(run("schema").out()).isEqualTo(run("schema").out());
  }
}
