package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.model.CheckConfig;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourceFile;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.overlay.LineOrigin;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SynthesizedEdit;
import dev.rpmoverlay.testing.Components;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentRendererTest {
  @TempDir Path dir;

  @BeforeEach
  void writeSpec() throws IOException {
    Files.writeString(dir.resolve("demo.spec"), String.join("\n",
        "Name: demo", "Version: 1.0", "Release:        3%{?dist}", "Source0: demo-%{version}.tar.gz", "Source1: demo.conf",
        "", "%description", "d", "", "%check", "make test", "", "%files", "/x", "") );
    Files.writeString(dir.resolve("demo.conf"), "x=1\n");
    Files.writeString(dir.resolve("README.md"), "dist-git readme\n");
    Files.writeString(dir.resolve("sources"), "SHA512 (demo-1.0.tar.gz) = abc\n");
  }

  RenderedComponent render(ComponentConfig c, int bumps, Compat compat) {
    return new ComponentRenderer(new DirectorySourceTreeProvider(x -> dir), Templates.bundled(), new OverlayEngine(compat)).render(c, bumps);
  }

  String spec(RenderedComponent r) {
    return new String(r.files().get("demo.spec").orElseThrow().content(), StandardCharsets.UTF_8);
  }

  static Overlay.SpecSearchReplace replace(int index, String regex, String replacement) {
    return new Overlay.SpecSearchReplace(new OverlayInfo(index, "tune tests", Optional.empty(), SourcePosition.of(Path.of("demo.comp.toml"))),
        "%check", "", regex, replacement);
  }

  @Test
  void bareComponentGetsTheBannerAndItsReleaseBumpedByTheDownstreamChanges() {
    String out = spec(render(Components.local("demo", dir), 2, Compat.CURRENT));
    assertThat(out).startsWith("# This spec file has been modified by azldev to include build configuration overlays.\n"
        + "# Do not edit manually; changes may be overwritten.\n\nName: demo\n");
    assertThat(out).contains("\nRelease: 5%{?dist}\n");
  }

  @Test
  void noDownstreamChangesLeaveReleaseAlone() {
    assertThat(spec(render(Components.local("demo", dir), 0, Compat.CURRENT))).contains("\nRelease:        3%{?dist}\n");
  }

  @Test
  void manualReleaseIsNeverBumped() {
    ComponentConfig c = Components.withRelease(Components.local("demo", dir), ReleaseCalculation.MANUAL);
    assertThat(spec(render(c, 1, Compat.CURRENT))).contains("\nRelease:        3%{?dist}\n");
  }

  @Test
  void currentModeRefusesToBumpAReleaseWithASuffix() throws IOException {
    Files.writeString(dir.resolve("demo.spec"), "Name: demo\nRelease: 0.6.rc1%{?dist}\n%description\n");
    assertThatThrownBy(() -> render(Components.local("demo", dir), 1, Compat.CURRENT))
        .isInstanceOf(RenderException.class)
        .hasMessage("component demo: Release \"0.6.rc1%{?dist}\" cannot be bumped automatically (only N or N%{?dist} can be);"
            + " set release.calculation = \"manual\" for this component and, if it needs a different Release, add a spec-set-tag overlay for it");
  }

  @Test
  void goldenEraModeBumpsTheLeadingIntegerOfAnyRelease() throws IOException {
    Files.writeString(dir.resolve("demo.spec"), "Name: demo\nRelease: 0.6.rc1%{?dist}\n%description\n");
    assertThat(spec(render(Components.local("demo", dir), 1, Compat.AZLDEV_2026_04))).contains("Release: 1.6.rc1%{?dist}\n");
  }

  @Test
  void autoreleaseSpecsAreLeftToRpmautospec() throws IOException {
    Files.writeString(dir.resolve("demo.spec"), "Name: demo\nRelease: %autorelease\n%description\n");
    assertThat(spec(render(Components.local("demo", dir), 1, Compat.CURRENT))).contains("Release: %autorelease\n");
  }

  @Test
  void macrosFileLoadBlockAndSource9999ComeBeforeUserOverlaysAndCheckSkipAndBannerAfter() {
    TreeMap<String, String> defines = new TreeMap<>();
    defines.put("azl", "4");
    ComponentConfig c = Components.withBuild(Components.local("demo", dir, replace(0, "^make test$", "make test || :")),
        Components.build(List.of("tls"), List.of("docs"), defines, new CheckConfig(true, "flaky on builders")));
    RenderedComponent r = render(c, 0, Compat.CURRENT);
    assertThat(spec(r)).startsWith(String.join("\n",
        "# This spec file has been modified by azldev to include build configuration overlays.",
        "# Do not edit manually; changes may be overwritten.",
        "",
        "# All Azure Linux specs with overlays include this macro file, irrespective of whether new macros have been added.",
        "%{load:%{_sourcedir}/demo.azl.macros}",
        "",
        "Name: demo"));
    assertThat(spec(r)).contains("Source1: demo.conf\nSource9999: demo.azl.macros\n");
    assertThat(spec(r)).contains("%check\n# Check section disabled: flaky on builders\nexit 0\n\nmake test || :\n");
    assertThat(new String(r.files().get("demo.azl.macros").orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo(
        "# Macros file automatically generated by azldev.\n# Do not edit manually; changes will be overwritten.\n"
            + "%_with_tls 1\n%_without_docs 1\n%azl 4\n");
  }

  @Test
  void everyLineIsAttributedToUpstreamOrToTheEditThatWroteIt() {
    ComponentConfig c = Components.withBuild(Components.local("demo", dir, replace(0, "^make test$", "make test || :")),
        Components.build(List.of(), List.of(), new TreeMap<>(), new CheckConfig(true, "flaky")));
    RenderedComponent r = render(c, 1, Compat.CURRENT);
    List<String> lines = r.spec().lines();
    List<LineOrigin> origins = r.attribution();
    assertThat(origins).hasSameSizeAs(lines);
    assertThat(origins.get(0)).isEqualTo(new LineOrigin.Synthesized(SynthesizedEdit.BANNER));
    assertThat(origins.get(lines.indexOf("Name: demo"))).isEqualTo(new LineOrigin.Upstream(1));
    assertThat(origins.get(lines.indexOf("Release: 4%{?dist}"))).isEqualTo(new LineOrigin.Synthesized(SynthesizedEdit.RELEASE_BUMP));
    assertThat(origins.get(lines.indexOf("exit 0"))).isEqualTo(new LineOrigin.Synthesized(SynthesizedEdit.CHECK_SKIP));
    assertThat(origins.get(lines.indexOf("make test || :"))).isEqualTo(new LineOrigin.ByOverlay(0, "spec-search-replace", "tune tests"));
    assertThat(origins.get(lines.indexOf("/x"))).isEqualTo(new LineOrigin.Upstream(14));
  }

  @Test
  void checkSkipOnASpecWithoutCheckFailsTheComponent() throws IOException {
    Files.writeString(dir.resolve("demo.spec"), "Name: demo\n%description\n");
    ComponentConfig c = Components.withBuild(Components.local("demo", dir),
        Components.build(List.of(), List.of(), new TreeMap<>(), new CheckConfig(true, "x")));
    assertThatThrownBy(() -> render(c, 0, Compat.CURRENT)).hasMessage("component demo: synthesized check-skip: section %check not found");
  }

  @Test
  void fileFilterKeepsTheSpecSourcesAndReferencedFilesOnly() {
    RenderedComponent r = render(Components.local("demo", dir), 0, Compat.CURRENT);
    assertThat(r.files().files().keySet()).containsExactly("demo.conf", "demo.spec", "sources");
  }

  @Test
  void fileFilterKeepsEverythingWhenAReferenceNeedsAnUnknownMacro() throws IOException {
    Files.writeString(dir.resolve("demo.spec"), "Name: demo\nSource0: %{gitsnapshot}.tar.gz\n%description\n");
    assertThat(render(Components.local("demo", dir), 0, Compat.CURRENT).files().files().keySet())
        .containsExactly("README.md", "demo.conf", "demo.spec", "sources");
  }

  @Test
  void sourceFilesAreAppendedToTheSourcesFile() {
    ComponentConfig c = Components.withSourceFiles(Components.local("demo", dir),
        new SourceFile("extra.tar.gz", "0d8c", "SHA512", "download", "https://example.com/extra.tar.gz", false, "", SourcePosition.of(Path.of("demo.comp.toml"))));
    assertThat(new String(render(c, 0, Compat.CURRENT).files().get("sources").orElseThrow().content(), StandardCharsets.UTF_8))
        .isEqualTo("SHA512 (demo-1.0.tar.gz) = abc\nSHA512 (extra.tar.gz) = 0d8c\n");
  }

  @Test
  void aSourceFileAlreadyUpstreamNeedsReplaceUpstream() {
    ComponentConfig c = Components.withSourceFiles(Components.local("demo", dir),
        new SourceFile("demo-1.0.tar.gz", "ff", "SHA512", "download", "https://x/y", false, "", SourcePosition.of(Path.of("demo.comp.toml"))));
    assertThatThrownBy(() -> render(c, 0, Compat.CURRENT)).hasMessageContaining(
        "source file 'demo-1.0.tar.gz' (demo.comp.toml) is already in the upstream sources file; set replace-upstream = true");
  }

  @Test
  void replaceUpstreamSwapsTheLineInPlace() {
    ComponentConfig c = Components.withSourceFiles(Components.local("demo", dir),
        new SourceFile("demo-1.0.tar.gz", "ff", "sha256", "download", "https://x/y", true, "rebuilt", SourcePosition.of(Path.of("demo.comp.toml"))));
    assertThat(new String(render(c, 0, Compat.CURRENT).files().get("sources").orElseThrow().content(), StandardCharsets.UTF_8))
        .isEqualTo("SHA256 (demo-1.0.tar.gz) = ff\n");
  }
}
