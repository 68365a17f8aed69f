package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** azldev's mergo rules (docs/azldev-compatibility.md §1.8), layer by layer. */
class InheritanceTest {
  @TempDir Path dir;
  ProjectFixture fx;

  @BeforeEach
  void setUp() {
    fx =
        new ProjectFixture(dir)
            .project(
                """
                [default-component-config]
                build.with = ["project"]
                build.defines = { a = "project", b = "project" }
                [[default-component-config.overlays]]
                description = "from project"
                type = "spec-add-tag"
                tag = "X"
                value = "project"

                [component-groups.zeta]
                components = ["c"]
                default-component-config.build.with = ["zeta"]
                default-component-config.build.defines = { b = "zeta" }
                [component-groups.alpha]
                components = ["c"]
                default-component-config.build = { with = ["alpha"], check = { skip = true, skip_reason = "alpha reason" } }
                [[component-groups.alpha.default-component-config.overlays]]
                description = "from alpha"
                type = "spec-add-tag"
                tag = "X"
                value = "alpha"
                """);
  }

  private ComponentConfig resolve(String componentToml) {
    fx.file("comps/c.comp.toml", componentToml);
    return fx.load().resolve("c");
  }

  @Test
  void listsAppendInLayerOrderDistroProjectGroupsAlphabeticallyThenComponent() {
    ComponentConfig c = resolve("[components.c]\nbuild.with = [\"component\", \"project\"]\n");
    assertThat(c.build().with()).containsExactly("project", "alpha", "zeta", "component", "project");
    assertThat(c.groups()).containsExactly("alpha", "zeta");
  }

  @Test
  void overlaysAppendInLayerOrderAndAreNumberedInThatOrder() {
    ComponentConfig c = resolve("[[components.c.overlays]]\ndescription = \"own\"\ntype = \"spec-add-tag\"\ntag = \"X\"\nvalue = \"own\"\n");
    assertThat(c.overlays()).extracting(o -> o.info().description()).containsExactly("from project", "from alpha", "own");
    assertThat(c.overlays()).extracting(o -> o.info().index()).containsExactly(0, 1, 2);
    assertThat(c.overlays().get(2).info().declaredAt().file()).isEqualTo(dir.resolve("comps/c.comp.toml"));
  }

  @Test
  void mapsMergePerKeyWithTheHigherLayerWinning() {
    ComponentConfig c = resolve("[components.c]\nbuild.defines = { a = \"component\" }\n");
    assertThat(c.build().defines()).containsExactly(Map.entry("a", "component"), Map.entry("b", "zeta"));
  }

  @Test
  void aBooleanCannotBeTurnedBackOffByAHigherLayer() {
    ComponentConfig c = resolve("[components.c]\nbuild.check = { skip = false }\n");
    assertThat(c.build().check().skip()).isTrue();
    assertThat(c.build().check().skipReason()).isEqualTo("alpha reason");
  }

  @Test
  void anEmptyStringDoesNotClearAnInheritedValue() {
    ComponentConfig c = resolve("[components.c]\nbuild.check = { skip_reason = \"\" }\nspec = { upstream-name = \"\" }\n");
    assertThat(c.build().check().skipReason()).isEqualTo("alpha reason");
  }

  @Test
  void nestedTablesMergeFieldByFieldSoTheSnapshotIsInherited() {
    ComponentConfig c = resolve("[components.c]\nspec = { type = \"upstream\", upstream-distro = { name = \"fedora\", version = \"rawhide\" } }\n");
    assertThat(c.spec().upstreamDistro()).isEqualTo(new DistroRef("fedora", "rawhide", "2026-01-01T00:00:00Z"));
    assertThat(fx.load().upstreamOf(c).distGitBranch()).isEqualTo("rawhide");
  }

  @Test
  void aComponentOutsideTheGroupsGetsOnlyDistroAndProjectLayers() {
    fx.file("comps/d.comp.toml", "[components.d]\n");
    ComponentConfig d = resolve("[components.c]\n");
    ComponentConfig other = fx.load().resolve("d");
    assertThat(other.build().with()).containsExactly("project");
    assertThat(other.build().check().skip()).isFalse();
    assertThat(other.overlays()).hasSize(1);
    assertThat(d.build().with()).containsExactly("project", "alpha", "zeta");
  }

  @Test
  void releaseCalculationDefaultsToAuto() {
    assertThat(resolve("[components.c]\n").release().tomlName()).isEqualTo("auto");
    assertThat(resolve("[components.c]\nrelease.calculation = \"manual\"\n").release().tomlName()).isEqualTo("manual");
  }

  @Test
  void relativePathsResolveAgainstTheDeclaringFile() {
    fx.file("comps/sub/fix.patch", "");
    fx.file("comps/sub/spec/c.spec", "");
    fx.file(
        "comps/sub/c.comp.toml",
        "[components.c]\nspec = { type = \"local\", path = \"spec\" }\n[[components.c.overlays]]\ntype = \"patch-add\"\nsource = \"fix.patch\"\n");
    ComponentConfig c = fx.load().resolve("c");
    assertThat(c.spec().path()).contains(dir.resolve("comps/sub/spec"));
    assertThat(((Overlay.PatchAdd) c.overlays().get(2)).source()).isEqualTo(dir.resolve("comps/sub/fix.patch").toString());
  }

  @Test
  void traceNamesTheLayerOfEachValue() {
    fx.file("comps/c.comp.toml", "[components.c]\nbuild.defines = { a = \"component\" }\n");
    ComponentTrace t = fx.load().trace("c");
    assertThat(t.layers()).extracting(ComponentTrace.Layer::label)
        .containsExactly("distro azl 1", "project default-component-config", "group alpha", "group zeta", "component c");
    assertThat(t.origins().get("spec.upstream-distro.snapshot")).containsExactly("distro azl 1");
    assertThat(t.origins().get("build.defines.a")).containsExactly("project default-component-config", "component c");
    assertThat(t.origins().get("build.check.skip")).containsExactly("group alpha");
  }

  @Test
  void overlayFilesAreAppendedAfterInlineOverlaysWithTheirFileMetadata() {
    fx.file("ov/b.overlay.toml", """
        [metadata]
        category = "azl-branding-policy"
        upstream-status = "inapplicable"
        [[overlays]]
        description = "brand"
        type = "spec-set-tag"
        tag = "Vendor"
        value = "AZL"
        """);
    fx.file("ov/a.overlay.toml", """
        [metadata]
        category = "azl-pruning"
        upstream-status = "unknown"
        [[overlays]]
        type = "spec-remove-tag"
        tag = "Suggests"
        """);
    ComponentConfig c = resolve("[components.c]\noverlay-files = [\"../ov/*.overlay.toml\"]\n");
    List<Overlay> own = c.overlays().subList(2, c.overlays().size());
    assertThat(own).extracting(Overlay::type).containsExactly("spec-remove-tag", "spec-set-tag");
    assertThat(own.get(0).info().metadata().orElseThrow().category()).isEqualTo("azl-pruning");
    assertThat(own.get(1).info().index()).isEqualTo(3);
  }

  @Test
  void anOverlayFileWithoutMetadataIsAnErrorAtResolveTime() {
    fx.file("ov/a.overlay.toml", "[[overlays]]\ntype = \"spec-remove-tag\"\ntag = \"Suggests\"\n");
    fx.file("comps/c.comp.toml", "[components.c]\noverlay-files = [\"../ov/a.overlay.toml\", \"missing.toml\"]\n");
    Project p = fx.load();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.resolve("c"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("comps/c.comp.toml:1:1: error: component 'c': overlay file missing.toml does not exist")
        .hasMessageContaining("ov/a.overlay.toml:1:1: error: component 'c': overlay file has no [metadata]");
  }
}
