package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
  @TempDir Path dir;

  @Test
  void includesAreLoadedDepthFirstInPatternOrderThenConfigFiles() {
    ProjectFixture fx = new ProjectFixture(dir)
        .file("azldev.toml", "includes = [\"b/*.toml\", \"a.toml\"]\n")
        .file("a.toml", "includes = [\"deep/x.toml\"]\n")
        .file("deep/x.toml", "")
        .file("b/2.toml", "")
        .file("b/1.toml", "")
        .file("extra.toml", "");
    Project p = fx.load(LoadOptions.of(dir).withExtraConfigFiles(List.of(dir.resolve("extra.toml"))));
    assertThat(p.configFiles()).extracting(f -> dir.relativize(f).toString())
        .containsExactly("azldev.toml", "b/1.toml", "b/2.toml", "a.toml", "deep/x.toml", "extra.toml");
  }

  @Test
  void laterProjectValuesWinAndEmptyOnesDoNotClear() {
    Project p = new ProjectFixture(dir)
        .file("azldev.toml", "includes = [\"more.toml\"]\n[project]\ndescription = \"first\"\nwork-dir = \"w1\"\n")
        .file("more.toml", "[project]\ndescription = \"\"\nwork-dir = \"sub/w2\"\n")
        .load();
    assertThat(p.info().description()).isEqualTo("first");
    assertThat(p.info().workDir()).isEqualTo(dir.resolve("sub/w2"));
    assertThat(p.info().logDir()).isEqualTo(dir.resolve("build/logs"));
  }

  @Test
  void aRedefinedDistroMergesFieldsReplacesReposAndReplacesVersionsPerKey() {
    Project p = new ProjectFixture(dir)
        .file("azldev.toml", """
            includes = ["override.toml"]
            [distros.f]
            description = "Fedora"
            dist-git-base-uri = "https://a/$pkg.git"
            repos = [{ base-uri = "r1" }, { base-uri = "r2" }]
            [distros.f.versions.43]
            dist-git-branch = "f43"
            release-ver = "43"
            [distros.f.versions.44]
            dist-git-branch = "f44"
            """)
        .file("override.toml", """
            [distros.f]
            dist-git-base-uri = "git://mirror/$pkg.git"
            repos = [{ base-uri = "r3" }]
            [distros.f.versions.43]
            dist-git-branch = "f43-mirror"
            """)
        .load();
    Distro f = p.distro("f").orElseThrow();
    assertThat(f.description()).isEqualTo("Fedora");
    assertThat(f.distGitBaseUri()).isEqualTo("git://mirror/$pkg.git");
    assertThat(f.repos()).containsExactly("r3");
    assertThat(f.versions().get("43").distGitBranch()).isEqualTo("f43-mirror");
    assertThat(f.versions().get("43").releaseVer()).isEmpty();
    assertThat(f.versions().get("44").distGitBranch()).isEqualTo("f44");
  }

  @Test
  void theProjectFileIsFoundUpwardFromASubdirectory() {
    new ProjectFixture(dir).file("rpmoverlay.toml", "[components.a]\n").file("x/y/readme", "");
    Project p = ProjectLoader.load(LoadOptions.of(dir.resolve("x/y")));
    assertThat(p.dir()).isEqualTo(dir);
    assertThat(p.componentNames()).containsExactly("a");
  }

  @Test
  void upstreamUrisArePathEscapedAndLookasideLowerCasesTheHashType() {
    Project p = new ProjectFixture(dir)
        .project("[components.\"libxml++\"]\nspec = { upstream-name = \"libxml plus\" }\n")
        .load();
    UpstreamRef u = p.upstreamOf(p.resolve("libxml++"));
    assertThat(u.distGitUri()).isEqualTo("https://src.example/rpms/libxml%20plus.git");
    assertThat(u.lookasideUri("a b.tar.gz", "SHA512", "abc"))
        .isEqualTo("https://src.example/lookaside/libxml%20plus/a%20b.tar.gz/sha512/abc/a%20b.tar.gz");
  }

  @Test
  void filesWithOnlyUninterpretedSectionsAreDeferredUnlessEverythingIsParsed() {
    ProjectFixture fx = new ProjectFixture(dir)
        .file("azldev.toml", "includes = [\"packages.toml\"]\n[components.a]\n")
        .file("packages.toml", "# publish lists\n[package-groups.base]\npackages = [\n  \"a\", # srpm a\n]\n[images.vm]\n");
    Project fast = fx.load();
    assertThat(fast.deferredFiles()).containsExactly(dir.resolve("packages.toml"));
    assertThat(fast.extras()).isEmpty();
    Project full = fx.load(LoadOptions.of(dir).parsingEverything());
    assertThat(full.deferredFiles()).isEmpty();
    assertThat(full.extras()).containsKeys("package-groups", "images");
  }

  @Test
  void aSyntaxErrorInADeferredFileIsReportedWhenEverythingIsParsed() {
    ProjectFixture fx = new ProjectFixture(dir)
        .file("azldev.toml", "includes = [\"packages.toml\"]\n")
        .file("packages.toml", "[package-groups.base]\npackages = [\"a\"\n");
    assertThat(fx.load().deferredFiles()).hasSize(1);
    assertThatThrownBy(() -> fx.load(LoadOptions.of(dir).parsingEverything()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("packages.toml:3:1: error: invalid TOML");
  }

  @Test
  void aFileWithIncludesOrComponentsIsNeverDeferred() {
    assertThat(OpaqueFiles.onlyOpaqueSections("includes = [\"x\"]\n[package-groups.a]\n")).isFalse();
    assertThat(OpaqueFiles.onlyOpaqueSections("[package-groups.a]\npackages = []\n  [components.b]\n")).isFalse();
    assertThat(OpaqueFiles.onlyOpaqueSections("[package-groups.a]\nx = [\n[1, 2],\n]\n")).isFalse();
    assertThat(OpaqueFiles.onlyOpaqueSections("")).isFalse();
    assertThat(OpaqueFiles.onlyOpaqueSections("[[images.x.y]]\n[ tools ]\n")).isTrue();
  }

  @Test
  void duplicateEntriesInUninterpretedSectionsAreStillErrors() {
    ProjectFixture fx = new ProjectFixture(dir)
        .file("azldev.toml", "includes = [\"a.toml\", \"b.toml\"]\n")
        .file("a.toml", "[images.vm]\n")
        .file("b.toml", "[images.vm]\n");
    assertThatThrownBy(() -> fx.load(LoadOptions.of(dir).parsingEverything()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("b.toml:1:1: error: duplicate images entry 'vm' (first defined at a.toml:1:1)");
  }
}
