package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Azure Linux 4 configuration (../shared), loaded once for the class. */
class AzlProjectTest {
  private static final String SNAPSHOT = "2026-02-24T00:00:00-08:00";
  private static Project project;

  @BeforeAll
  static void load() {
    project = AzlProject.get();
  }

  @Test
  void loadsEveryComponentAndResolvesThemAll() {
    assertThat(project.componentNames()).hasSize(7583).isSorted();
    for (String name : project.componentNames()) {
      assertThat(project.resolve(name).name()).isEqualTo(name);
    }
    assertThat(project.warnings()).isEmpty();
  }

  @Test
  void componentInTheCheckSkipGroupInheritsSkipAndReason() {
    ComponentConfig libsoup3 = project.resolve("libsoup3");
    assertThat(libsoup3.groups()).containsExactly("check-skip-initial-failures");
    assertThat(libsoup3.build().check().skip()).isTrue();
    assertThat(libsoup3.build().check().skipReason()).isEqualTo("Disabling checks for initial set of failures.");
  }

  @Test
  void bashPinsRawhideAndStillInheritsTheDistroSnapshot() {
    ComponentConfig bash = project.resolve("bash");
    assertThat(bash.spec().type()).isEqualTo("upstream");
    assertThat(bash.spec().upstreamDistro()).isEqualTo(new DistroRef("fedora", "rawhide", SNAPSHOT));
    UpstreamRef up = project.upstreamOf(bash);
    assertThat(up.distGitBranch()).isEqualTo("rawhide");
    assertThat(up.distGitUri()).isEqualTo("https://src.fedoraproject.org/rpms/bash.git");
    assertThat(up.snapshot()).isEqualTo(SNAPSHOT);
  }

  @Test
  void bareComponentGetsTheDistroDefaults() {
    ComponentConfig c = project.resolve("7zip");
    assertThat(c.spec().upstreamDistro()).isEqualTo(new DistroRef("fedora", "43", SNAPSHOT));
    assertThat(c.release()).isEqualTo(ReleaseCalculation.AUTO);
    assertThat(c.overlays()).isEmpty();
    assertThat(project.upstreamOf(c).distGitBranch()).isEqualTo("f43");
  }

  @Test
  void kernelHasItsDefinesSourceFilesAndOverlaysInOrder() {
    ComponentConfig kernel = project.resolve("kernel");
    assertThat(kernel.release()).isEqualTo(ReleaseCalculation.MANUAL);
    assertThat(kernel.build().without()).containsExactly("debug");
    assertThat(kernel.build().defines())
        .containsExactly(
            java.util.Map.entry("azl_pkgrelease", "8"), java.util.Map.entry("azurelinux_version", "3"), java.util.Map.entry("kextraversion", "1"));
    assertThat(kernel.sourceFiles()).singleElement().satisfies(sf -> {
      assertThat(sf.filename()).isEqualTo("kernel-6.18.5.1.tar.gz");
      assertThat(sf.hashType()).isEqualTo("SHA512");
      assertThat(sf.originType()).isEqualTo("download");
    });
    assertThat(kernel.overlays()).hasSize(17);
    for (int i = 0; i < kernel.overlays().size(); i++) {
      assertThat(kernel.overlays().get(i).info().index()).isEqualTo(i);
    }
    Overlay fileAdd = kernel.overlays().get(10);
    assertThat(fileAdd).isInstanceOf(Overlay.FileAdd.class);
    assertThat(((Overlay.FileAdd) fileAdd).source())
        .isEqualTo(project.dir().resolve("base/comps/kernel/6.18-x86_64-azl.config").toString());
  }

  @Test
  void projectDirectoriesResolveAgainstTheDeclaringFile() {
    assertThat(project.info().renderedSpecsDir()).isEqualTo(project.dir().resolve("specs"));
    assertThat(project.renderedDirOf("Cython")).isEqualTo(project.dir().resolve("specs/c/Cython"));
    assertThat(project.defaultDistro()).isEqualTo(new DistroRef("azurelinux", "4.0-stage2", ""));
    assertThat(project.defaultDistroVersion().orElseThrow().snapshot()).isEqualTo(SNAPSHOT);
  }

  @Test
  void configFileOverridesDistroUrisButKeepsVersions() {
    Path override = project.dir().resolve("overrides/fedora.distro.azl.sources.toml");
    Project overridden = ProjectLoader.load(LoadOptions.of(project.dir()).withExtraConfigFiles(java.util.List.of(override)));
    Distro fedora = overridden.distro("fedora").orElseThrow();
    assertThat(fedora.distGitBaseUri()).isEqualTo("git://azl.src.kojiaks.internal/rpms/$pkg.git");
    assertThat(fedora.versions()).containsKeys("41", "42", "43", "44", "rawhide");
    assertThat(fedora.description()).isEqualTo("Fedora Linux");
  }
}
