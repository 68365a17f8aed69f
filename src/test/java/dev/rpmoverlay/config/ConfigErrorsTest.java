package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: every error names file:line:col, component, overlay and a hint, and all are reported together. */
class ConfigErrorsTest {
  @TempDir Path dir;
  ProjectFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ProjectFixture(dir).project("");
  }

  private List<String> comp(String toml) {
    fx.file("comps/c.comp.toml", toml);
    return fx.errors();
  }

  @Test
  void malformedTomlPointsAtTheSyntaxError() {
    assertThat(comp("[components.foo]\nbuild = { with = [\"a\" }\n"))
        .containsExactly(
            "comps/c.comp.toml:2:23: error: invalid TOML: Unexpected '}', expected ], a comma, or a newline\n  hint: fix the syntax (TOML 1.0)",
            "comps/c.comp.toml:3:1: error: invalid TOML: Unexpected end of input, expected ] or a comma; the array opened at line 2, column 18 is unclosed\n  hint: fix the syntax (TOML 1.0)");
  }

  @Test
  void toml11MultiLineInlineTableIsRejected() {
    assertThat(comp("[components.foo]\nspec = {\n  type = \"upstream\" }\n").get(0))
        .startsWith("comps/c.comp.toml:2:9: error: invalid TOML: Newlines are not allowed in an inline table");
  }

  @Test
  void unknownTopLevelKeySuggestsTheClosestKey() {
    assertThat(comp("[componets.foo]\n"))
        .containsExactly(
            "comps/c.comp.toml:1:1: error: unknown key 'componets'\n  hint: did you mean 'components'? (valid keys here: $schema, includes, project, distros, component-groups, components, default-component-config, default-package-config, package-groups, images, tools, resources, test-suites, tests, test-groups)");
  }

  @Test
  void unknownComponentKeyNamesTheComponent() {
    assertThat(comp("[components.foo]\nbuidl = { with = [\"x\"] }\n").get(0))
        .startsWith("comps/c.comp.toml:2:1: error: component 'foo': unknown key 'components.foo.buidl'\n  hint: did you mean 'build'?");
  }

  @Test
  void componentNamesWithDotsAreQuotedInKeyPaths() {
    assertThat(comp("[components.\"python3.14\"]\nbuild = { wtih = [] }\n").get(0))
        .startsWith("comps/c.comp.toml:2:11: error: component 'python3.14': unknown key 'components.\"python3.14\".build.wtih'");
  }

  @Test
  void permissiveConfigTurnsUnknownKeysIntoWarnings() {
    fx.file("comps/c.comp.toml", "[components.foo]\nfuture-key = 1\n");
    Project p = fx.load(new LoadOptions(Optional.of(dir), dir, List.of(), true));
    assertThat(p.componentNames()).containsExactly("foo");
    assertThat(p.warnings()).singleElement().satisfies(w ->
        assertThat(w.format(dir)).isEqualTo("comps/c.comp.toml:2:1: warning: component 'foo': unknown key 'components.foo.future-key'"));
  }

  @Test
  void wrongValueTypeIsReported() {
    assertThat(comp("[components.foo]\nbuild.with = \"tests\"\n"))
        .containsExactly("comps/c.comp.toml:2:1: error: component 'foo': 'components.foo.build.with' must be an array, not a string");
  }

  @Test
  void stringWhereABooleanBelongs() {
    assertThat(comp("[components.foo]\nbuild.check = { skip = \"yes\", skip_reason = \"r\" }\n"))
        .containsExactly("comps/c.comp.toml:2:17: error: component 'foo': 'components.foo.build.check.skip' must be a boolean (true or false), not a string");
  }

  @Test
  void unknownOverlayTypeListsTheValidTypes() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"spec-frobnicate\"\n").get(0))
        .startsWith("comps/c.comp.toml:2:1: error: component 'foo', overlay #1 ((no description)): 'components.foo.overlays[#1].type' has invalid value \"spec-frobnicate\"\n  hint: use one of: spec-add-tag, spec-insert-tag,");
  }

  @Test
  void overlayWithoutType() {
    assertThat(comp("[[components.foo.overlays]]\ndescription = \"Typeless\"\ntag = \"x\"\n").get(0))
        .startsWith("comps/c.comp.toml:1:1: error: component 'foo', overlay #1 (Typeless): overlay has no 'type'\n  hint: add type = \"...\", one of: spec-add-tag");
  }

  @Test
  void missingRequiredFieldNamesOverlayTypeFieldAndDescription() {
    assertThat(comp("[components.foo]\n[[components.foo.overlays]]\ndescription = \"Add BR\"\ntype = \"spec-add-tag\"\ntag = \"BuildRequires\"\n"))
        .containsExactly(
            "comps/c.comp.toml:2:1: error: component 'foo', overlay #1 (Add BR): overlay type \"spec-add-tag\" requires \"value\" field\n  hint: add value = \"...\" to this overlay");
  }

  @Test
  void appendLinesNeedsLines() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"spec-append-lines\"\nsection = \"%build\"\nlines = []\n"))
        .containsExactly(
            "comps/c.comp.toml:1:1: error: component 'foo', overlay #1 ((no description)): overlay type \"spec-append-lines\" requires \"lines\" field\n  hint: add lines = [\"...\"] to this overlay");
  }

  @Test
  void regexMustCompileUnderRe2() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"spec-search-replace\"\nregex = \"foo(?=bar)\"\n"))
        .containsExactly(
            "comps/c.comp.toml:3:1: error: component 'foo', overlay #1 ((no description)): invalid regex \"foo(?=bar)\": invalid or unsupported Perl syntax\n  hint: regexes use RE2 syntax (no look-around, no backreferences); escape literal metacharacters with \\\\");
  }

  @Test
  void regexThatOverflowedRe2jsCompilerIsAnErrorNamingFileComponentAndOverlay() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"spec-add-tag\"\ntag = \"A\"\nvalue = \"b\"\n"
            + "[[components.foo.overlays]]\ntype = \"spec-search-replace\"\nregex = \"(?:(?:a{0,1000}){0,1000})b\"\n"))
        .containsExactly(
            "comps/c.comp.toml:7:1: error: component 'foo', overlay #2 ((no description)): invalid regex \"(?:(?:a{0,1000}){0,1000})b\":"
                + " invalid repeat count: nested repetitions repeat an expression 1000000 times (at most 1000)\n"
                + "  hint: simplify the regex: at most 1000 characters, 100 nested groups, nested {n,m} repeating at most 1000 times,"
                + " about 20000 RE2 instructions");
  }

  @Test
  void invalidUtf8IsReportedInTheFileItselfWithItsByteOffset() throws Exception {
    fx.file("comps/c.comp.toml", "");
    java.nio.file.Files.write(dir.resolve("comps/c.comp.toml"),
        new byte[] {'[', 'c', ']', '\n', 'a', ' ', '=', ' ', '"', (byte) 0xC3, (byte) 0x28, '"', '\n'});
    assertThat(fx.errors())
        .containsExactly("comps/c.comp.toml:2:1: error: not valid UTF-8: bad byte at offset 9\n"
            + "  hint: save the file as UTF-8 (TOML files must be UTF-8)");
  }

  @Test
  void unbalancedBraceIsALiteralInRe2AndAccepted() {
    fx.file("comps/c.comp.toml", "[[components.foo.overlays]]\ntype = \"spec-search-replace\"\nregex = \"cp -a %{SOURCE1} .\"\n");
    assertThat(fx.load().resolve("foo").overlays()).hasSize(1);
  }

  @Test
  void removeSubpackageRejectsSection() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"spec-remove-subpackage\"\npackage = \"devel\"\nsection = \"%files\"\n"))
        .containsExactly(
            "comps/c.comp.toml:4:1: error: component 'foo', overlay #1 ((no description)): overlay type \"spec-remove-subpackage\" does not accept \"section\" field\n  hint: remove section; every section of the package is removed");
  }

  @Test
  void archiveOnlyOnArchiveCapableTypes() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"file-add\"\nfile = \"a\"\nsource = \"c.comp.toml\"\narchive = \"x.tar.gz\"\n"))
        .containsExactly(
            "comps/c.comp.toml:5:1: error: component 'foo', overlay #1 ((no description)): overlay type \"file-add\" does not accept \"archive\" field\n  hint: only file-remove and file-search-replace work inside archives");
  }

  @Test
  void overlayFileMustBeRelative() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"file-remove\"\nfile = \"/etc/passwd\"\n"))
        .containsExactly(
            "comps/c.comp.toml:3:1: error: component 'foo', overlay #1 ((no description)): overlay 'file' must be a relative path, not \"/etc/passwd\"\n  hint: paths are relative to the component's sources directory");
  }

  @Test
  void overlayFileMustNotLeaveTheSourcesDir() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"file-remove\"\nfile = \"a/../../x\"\n"))
        .containsExactly(
            "comps/c.comp.toml:3:1: error: component 'foo', overlay #1 ((no description)): overlay 'file' \"a/../../x\" leaves the component's sources directory\n  hint: remove the '..' segments");
  }

  @Test
  void patchRemoveGlobMustBeValid() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"patch-remove\"\nfile = \"fix-[abc.patch\"\n"))
        .containsExactly(
            "comps/c.comp.toml:3:1: error: component 'foo', overlay #1 ((no description)): invalid glob \"fix-[abc.patch\"\n  hint: check for an unclosed '[' or '{', or a trailing backslash");
  }

  @Test
  void fileRenameReplacementIsABaseName() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"file-rename\"\nfile = \"a.txt\"\nreplacement = \"sub/b.txt\"\n"))
        .containsExactly(
            "comps/c.comp.toml:4:1: error: component 'foo', overlay #1 ((no description)): file-rename 'replacement' must be a file name only, not \"sub/b.txt\"\n  hint: the file is renamed within its directory");
  }

  @Test
  void overlaySourceMustExist() {
    assertThat(comp("[[components.foo.overlays]]\ndescription = \"Add patch\"\ntype = \"patch-add\"\nsource = \"missing.patch\"\n"))
        .containsExactly(
            "comps/c.comp.toml:4:1: error: component 'foo', overlay #1 (Add patch): overlay source \"missing.patch\" does not exist\n  hint: paths are relative to c.comp.toml");
  }

  @Test
  void localSpecPathMustExist() {
    assertThat(comp("[components.foo]\nspec = { type = \"local\", path = \"foo.spec\" }\n"))
        .containsExactly(
            "comps/c.comp.toml:2:26: error: component 'foo': local spec path \"foo.spec\" does not exist\n"
                + "  hint: spec.path names the spec file or the directory that holds it, relative to c.comp.toml");
  }

  @Test
  void overlaySourceMustStayInsideTheProject() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"file-add\"\nfile = \"passwd\"\nsource = \"../../../../../../etc/passwd\"\n"))
        .containsExactly(
            "comps/c.comp.toml:4:1: error: component 'foo', overlay #1 ((no description)): overlay 'source' \"../../../../../../etc/passwd\" points outside the project directory\n  hint: keep referenced files inside " + dir);
  }

  @Test
  void absoluteSpecPathIsRejected() {
    assertThat(comp("[components.foo]\nspec = { type = \"local\", path = \"/etc\" }\n"))
        .containsExactly("comps/c.comp.toml:2:26: error: component 'foo': spec.path must be relative, not \"/etc\"\n  hint: write the path relative to c.comp.toml");
  }

  @Test
  void perComponentSnapshotIsRejected() {
    assertThat(comp("[components.foo]\nspec = { upstream-distro = { name = \"fedora\", snapshot = \"2026-01-01T00:00:00Z\" } }\n"))
        .containsExactly(
            "comps/c.comp.toml:2:47: error: component 'foo': a per-component 'snapshot' on 'spec.upstream-distro' is not allowed\n  hint: set the snapshot on the distro or group default-component-config, or pin a commit with 'spec.upstream-commit'");
  }

  @Test
  void localSpecNeedsAPath() {
    assertThat(comp("[components.foo]\nspec = { type = \"local\" }\n"))
        .containsExactly(
            "comps/c.comp.toml:2:1: error: component 'foo': spec.type = \"local\" requires 'spec.path'\n  hint: set path to the directory that holds <component>.spec, relative to this file");
  }

  @Test
  void upstreamCommitMustBeHex() {
    assertThat(comp("[components.foo]\nspec = { type = \"upstream\", upstream-commit = \"main\" }\n"))
        .containsExactly("comps/c.comp.toml:2:29: error: component 'foo': 'spec.upstream-commit' must be 7 to 40 hex digits, not \"main\"\n  hint: copy the commit hash from dist-git");
  }

  @Test
  void checkSkipNeedsAReason() {
    assertThat(comp("[components.foo]\nbuild.check.skip = true\n"))
        .containsExactly(
            "comps/c.comp.toml:2:1: error: component 'foo': 'build.check.skip_reason' is required when build.check.skip = true\n  hint: add skip_reason = \"why the tests cannot run\" (note the underscore)");
  }

  @Test
  void sourceFileHashNeedsAHashType() {
    assertThat(comp("[[components.foo.source-files]]\nfilename = \"a.tar.gz\"\nhash = \"abc\"\norigin = { type = \"download\", uri = \"https://x/a.tar.gz\" }\n"))
        .containsExactly("comps/c.comp.toml:3:1: error: component 'foo': source file \"a.tar.gz\" has a 'hash' but no 'hash-type'\n  hint: add hash-type = \"SHA512\" (or \"SHA256\")");
  }

  @Test
  void downloadOriginNeedsAUri() {
    assertThat(comp("[[components.foo.source-files]]\nfilename = \"a.tar.gz\"\norigin = { type = \"download\" }\n"))
        .containsExactly("comps/c.comp.toml:3:1: error: component 'foo': source file \"a.tar.gz\": origin type \"download\" needs a 'uri' with a scheme\n  hint: set uri = \"https://...\"");
  }

  @Test
  void duplicateSourceFileName() {
    String entry = "[[components.foo.source-files]]\nfilename = \"a\"\norigin = { type = \"download\", uri = \"https://x/a\" }\n";
    assertThat(comp(entry + entry)).containsExactly("comps/c.comp.toml:5:1: error: component 'foo': duplicate source file \"a\"\n  hint: each filename may appear once in source-files");
  }

  @Test
  void duplicateComponentAcrossFiles() {
    fx.file("comps/a.comp.toml", "[components.foo]\n");
    assertThat(comp("[components.foo]\n"))
        .containsExactly("comps/c.comp.toml:1:1: error: component 'foo': duplicate component (first defined at comps/a.comp.toml:1:1)\n  hint: define each component once; merge the two definitions");
  }

  @Test
  void duplicateComponentGroup() {
    fx.file("comps/a.toml", "[component-groups.g]\n");
    assertThat(comp("[component-groups.g]\n"))
        .containsExactly("comps/c.comp.toml:1:1: error: duplicate component group 'g' (first defined at comps/a.toml:1:1)\n  hint: define each group once");
  }

  @Test
  void groupMembersMustExist() {
    assertThat(comp("[components.a]\n[component-groups.g]\ncomponents = [\"a\", \"nope\", \"gone\"]\n"))
        .containsExactly("comps/c.comp.toml:3:1: error: component group 'g' lists undefined components: nope, gone\n  hint: define them under [components] or remove them from the group");
  }

  @Test
  void includeCycleIsDetected() {
    fx.file("comps/a.toml", "includes = [\"../more/b.toml\"]\n");
    fx.file("more/b.toml", "includes = [\"../comps/a.toml\"]\n");
    assertThat(fx.errors())
        .containsExactly("more/b.toml:1:13: error: circular include detected: azldev.toml -> a.toml -> b.toml -> a.toml\n  hint: remove one of the includes");
  }

  @Test
  void missingLiteralIncludeIsAnErrorButAnEmptyGlobIsNot() {
    fx.file("comps/a.toml", "includes = [\"nothing/*.toml\", \"missing.toml\"]\n");
    assertThat(fx.errors())
        .containsExactly("comps/a.toml:1:31: error: include file missing.toml does not exist\n  hint: fix the path (relative to a.toml) or remove the include");
  }

  @Test
  void upstreamDistroMustBeDefined() {
    assertThat(comp("[components.foo]\nspec = { type = \"upstream\", upstream-distro = { name = \"debian\" } }\n"))
        .containsExactly("comps/c.comp.toml:1:1: error: component 'foo': spec.upstream-distro names unknown distro 'debian'\n  hint: known distros: azl, fedora");
  }

  @Test
  void upstreamBackportMetadataNeedsCommits() {
    assertThat(comp("[[components.foo.overlays]]\ntype = \"spec-remove-tag\"\ntag = \"X\"\nmetadata = { category = \"upstream-backport\", upstream-status = \"unknown\" }\n"))
        .containsExactly(
            "comps/c.comp.toml:4:1: error: component 'foo', overlay #1 ((no description)): metadata category \"upstream-backport\" needs at least one entry in 'commits'\n  hint: add commits = [{ url = \"https://...\" }]",
            "comps/c.comp.toml:4:1: error: component 'foo', overlay #1 ((no description)): metadata category \"upstream-backport\" needs upstream-status \"upstreamed\" or \"upstreamable\", not \"unknown\"");
  }

  @Test
  void componentNameMustBeAnRpmPackageName() {
    assertThat(comp("[components.\"a/b\"]\n"))
        .containsExactly("comps/c.comp.toml:1:1: error: component 'a/b': component name \"a/b\" is not a valid RPM package name\n"
            + "  hint: use ASCII letters, digits and . _ + - only, starting with a letter, digit or _");
  }

  @Test
  void everyErrorOfARunIsReportedTogetherInFileOrder() {
    fx.file("comps/a.comp.toml", "[components.a]\nbuild.check.skip = true\n");
    List<String> errors =
        comp("[[components.b.overlays]]\ntype = \"spec-add-tag\"\n[[components.b.overlays]]\ntype = \"spec-search-replace\"\nregex = \"(\"\n");
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0)).startsWith("comps/a.comp.toml:2:1: error: component 'a': 'build.check.skip_reason'");
    assertThat(errors.get(1)).startsWith("comps/c.comp.toml:1:1: error: component 'b', overlay #1 ((no description)): overlay type \"spec-add-tag\" requires \"tag\"");
    assertThat(errors.get(2)).startsWith("comps/c.comp.toml:1:1: error: component 'b', overlay #1 ((no description)): overlay type \"spec-add-tag\" requires \"value\"");
    assertThat(errors.get(3)).startsWith("comps/c.comp.toml:5:1: error: component 'b', overlay #2 ((no description)): invalid regex \"(\"");
  }

  @Test
  void exceptionMessageCountsErrorsAndListsThemAll() {
    fx.file("comps/c.comp.toml", "[components.a]\nbuild.check.skip = true\n[components.b]\nbuild.check.skip = true\n");
    assertThatThrownBy(fx::load)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid configuration (2 errors):\ncomps/c.comp.toml:2:1: error: component 'a'")
        .hasMessageContaining("\ncomps/c.comp.toml:4:1: error: component 'b'");
  }

  @Test
  void noProjectFileAnywhereUpward() {
    Path empty = dir.resolve("empty");
    fx.file("empty/readme", "");
    new java.io.File(dir.resolve("azldev.toml").toString()).delete();
    assertThatThrownBy(() -> ProjectLoader.load(LoadOptions.of(empty)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("could not find rpmoverlay.toml or azldev.toml in " + empty + " or any parent directory");
  }

  @Test
  void missingConfigFileOption() {
    assertThatThrownBy(() -> fx.load(LoadOptions.of(dir).withExtraConfigFiles(List.of(dir.resolve("nope.toml")))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid configuration (1 error):\nnope.toml: error: --config-file " + dir.resolve("nope.toml") + " does not exist\n  hint: pass an existing TOML file");
  }
}
