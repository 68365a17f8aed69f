package dev.rpmoverlay.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example distro in this repository (rpmoverlay.toml, distro/, components/) is what the README
 * and docs promise: a real downstream distro over Fedora that exercises every feature.
 */
class ShippedProjectTest {
  private static final Set<String> ALL_OVERLAY_TYPES = Set.of(
      "spec-add-tag", "spec-insert-tag", "spec-set-tag", "spec-update-tag", "spec-remove-tag",
      "spec-prepend-lines", "spec-append-lines", "spec-search-replace", "spec-remove-section",
      "spec-remove-subpackage", "patch-add", "patch-remove", "file-prepend-lines",
      "file-search-replace", "file-add", "file-remove", "file-rename");

  private static Project project;
  private static List<ComponentConfig> components;

  @BeforeAll
  static void load() {
    project = ProjectLoader.load(LoadOptions.of(Path.of("").toAbsolutePath()));
    components = project.componentNames().stream().map(project::resolve).toList();
  }

  @Test
  void isLumenLinuxLayeredOverFedora43AtTheSnapshot() {
    assertThat(project.projectFile().getFileName().toString()).isEqualTo("rpmoverlay.toml");
    assertThat(project.defaultDistro().name()).isEqualTo("lumen");
    ComponentConfig expat = project.resolve("expat");
    assertThat(expat.spec().type()).isEqualTo("upstream");
    assertThat(expat.spec().upstreamDistro().name()).isEqualTo("fedora");
    assertThat(expat.spec().upstreamDistro().version()).isEqualTo("43");
    assertThat(expat.spec().upstreamDistro().snapshot()).isEqualTo("2026-02-24T00:00:00-08:00");
  }

  @Test
  void hasAboutFortyComponentsMostOfThemUnmodified() {
    assertThat(components).hasSizeBetween(38, 45);
    long unmodified = components.stream().filter(ShippedProjectTest::isBare).count();
    assertThat(unmodified).isGreaterThan(components.size() / 2);
  }

  @Test
  void atLeastFifteenComponentsCarryOverlaysTogetherUsingEveryType() {
    assertThat(components.stream().filter(c -> !c.overlays().isEmpty())).hasSizeGreaterThanOrEqualTo(15);
    Set<String> used = components.stream().flatMap(c -> c.overlays().stream()).map(Overlay::type).collect(Collectors.toSet());
    assertThat(used).containsAll(ALL_OVERLAY_TYPES);
  }

  @Test
  void everyOverlaySaysWhy() {
    List<String> undescribed = components.stream()
        .flatMap(c -> c.overlays().stream().filter(o -> o.info().description().isBlank())
            .map(o -> c.name() + " overlay #" + (o.info().index() + 1)))
        .toList();
    assertThat(undescribed).isEmpty();
  }

  @Test
  void usesOverlayFilesWhosePerFileMetadataReachesEachOverlay() {
    ComponentConfig sudo = project.resolve("sudo");
    Set<String> categories = sudo.overlays().stream()
        .map(o -> o.info().metadata().orElseThrow().category())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(categories).containsExactly("azl-pruning", "azl-security-compliance");
  }

  @Test
  void sharesABuildSettingThroughAComponentGroup() {
    assertThat(project.groups()).containsKey("go-modules");
    for (String member : project.groups().get("go-modules").components()) {
      assertThat(project.resolve(member).build().without()).as(member).containsExactly("check");
    }
  }

  @Test
  void coversBuildConditionalsCheckSkipReleaseModesRenamesAndLocalSpecs() {
    ComponentConfig mutt = project.resolve("mutt");
    assertThat(mutt.build().with()).isNotEmpty();
    assertThat(mutt.build().without()).isNotEmpty();
    assertThat(mutt.build().defines()).isNotEmpty();
    ComponentConfig valgrind = project.resolve("valgrind");
    assertThat(valgrind.build().check().skip()).isTrue();
    assertThat(valgrind.build().check().skipReason()).isNotBlank();
    assertThat(components).anyMatch(c -> c.release().tomlName().equals("manual"));
    assertThat(project.resolve("lumen-hwdata").upstreamName()).isEqualTo("hwdata");
    assertThat(project.resolve("lumen-release").spec().isLocal()).isTrue();
  }

  private static boolean isBare(ComponentConfig c) {
    return c.overlays().isEmpty()
        && c.build().with().isEmpty() && c.build().without().isEmpty() && c.build().defines().isEmpty()
        && !c.build().check().skip()
        && c.release().tomlName().equals("auto")
        && c.spec().upstreamName().isEmpty()
        && !c.spec().isLocal();
  }
}
