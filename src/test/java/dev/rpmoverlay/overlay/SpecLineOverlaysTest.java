package dev.rpmoverlay.overlay;

import static dev.rpmoverlay.overlay.Overlays.*;
import static dev.rpmoverlay.testing.SpecFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.SpecFixture;
import org.junit.jupiter.api.Test;

class SpecLineOverlaysTest {
  static final String[] SPEC = {
    "Name: demo",
    "",
    "%description",
    "Demo.",
    "",
    "%prep",
    "%setup -q",
    "%patch -P0 -p1",
    "",
    "# comment before build",
    "%build",
    "make",
    "",
    "%files",
    "/usr/bin/demo",
    "",
    "%files devel",
    "/usr/include/demo.h",
  };

  @Test
  void prependGoesRightAfterTheSectionHeader() {
    String out = SpecFixture.of(SPEC).apply(prepend("%build", "", "export X=1")).text();
    assertThat(out).contains("%build\nexport X=1\nmake\n");
  }

  @Test
  void prependWithoutSectionGoesToTheTopOfTheFile() {
    assertThat(SpecFixture.of(SPEC).apply(prepend("", "", "# top")).text()).startsWith("# top\nName: demo\n");
  }

  @Test
  void prependMatchesThePackageExactlySoEmptyMeansMainOnly() {
    String out = SpecFixture.of(SPEC).apply(prepend("%files", "", "%license COPYING")).text();
    assertThat(out).contains("%files\n%license COPYING\n/usr/bin/demo\n").contains("%files devel\n/usr/include/demo.h\n");
  }

  @Test
  void prependFailsForAMissingSection() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(prepend("%check", "", "exit 0")))
        .hasMessageEndingWith("): section %check not found");
  }

  @Test
  void appendGoesBeforeTheNextHeaderAfterTrailingBlankLinesAndComments() {
    String out = SpecFixture.of(SPEC).apply(append("%prep", "", "%pom_remove_plugin :x")).text();
    assertThat(out).contains("%patch -P0 -p1\n\n# comment before build\n%pom_remove_plugin :x\n%build\n");
  }

  @Test
  void appendToTheLastSectionGoesToTheEndOfTheFile() {
    assertThat(SpecFixture.of(SPEC).apply(append("%files", "devel", "/usr/lib/x")).text())
        .endsWith("/usr/include/demo.h\n/usr/lib/x\n");
  }

  @Test
  void appendWithoutSectionEndsThePreambleInTheGoldenEra() {
    assertThat(SpecFixture.of(SPEC).apply(append("", "", "BuildRequires: x")).text())
        .startsWith("Name: demo\n\nBuildRequires: x\n%description\n");
  }

  @Test
  void appendWithoutSectionEndsTheFileInCurrentMode() {
    assertThat(SpecFixture.current(SPEC).apply(append("", "", "# end")).text()).endsWith("/usr/include/demo.h\n# end\n");
  }

  @Test
  void appendAppliesToEveryCopyOfADuplicatedSection() {
    String out = SpecFixture.of("Name: a", "%if 0", "%build", "a", "%else", "%build", "b", "%endif")
        .apply(append("%build", "", "c")).text();
    assertThat(out).isEqualTo(lines("Name: a", "%if 0", "%build", "a", "%else", "c", "%build", "b", "%endif", "c"));
  }

  @Test
  void searchReplaceLeavesAnEmptyLineForAnEmptyReplacement() {
    String out = SpecFixture.of(SPEC).apply(searchReplace("%prep", "", "%patch -P0 -p1", "")).text();
    assertThat(out).contains("%setup -q\n\n\n# comment before build\n");
  }

  @Test
  void searchReplaceNeverTouchesSectionHeaders() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(searchReplace("", "", "^%build$", "%build -x")))
        .hasMessageEndingWith("): pattern \"^%build$\" not found in the spec");
  }

  @Test
  void aRegexThatNoLongerMatchesNamesTheNearestLinesOfTheSectionsItSearched() {
    assertThatThrownBy(() -> SpecFixture.of("Name: demo", "Version: 8.12", "%build", "./configure --enable-telnet=no",
            "make %{?_smp_mflags}", "%install", "./configure --enable-telnet").apply(
            searchReplace("%build", "", "--enable-telnet$", "--disable-telnet")))
        .hasMessageEndingWith("): pattern \"--enable-telnet$\" not found in section %build;"
            + " nearest lines in the spec: 4: \"./configure --enable-telnet=no\"");
    assertThatThrownBy(() -> SpecFixture.of("Name: demo", "Version: 8.12", "Release: 1", "%build", "make").apply(
            searchReplace("", "", "^Version:\\s+8\\.11$", "Version: 8.11.1")))
        .hasMessageEndingWith(": pattern \"^Version:\\s+8\\.11$\" not found in the spec; nearest lines in the spec: 2: \"Version: 8.12\"");
  }

  @Test
  void searchReplaceIsLiteralAndUsesRe2Syntax() {
    String out = SpecFixture.of("Name: demo", "%prep", "cp -a %{SOURCE1} .").apply(
        searchReplace("", "", "cp -a %{SOURCE1} (\\.)", "cp $1 \\0")).text();
    assertThat(out).isEqualTo(lines("Name: demo", "%prep", "cp $1 \\0"));
  }

  @Test
  void searchReplaceWithSectionButNoPackageSearchesEveryPackagesSection() {
    String out = SpecFixture.of(SPEC).apply(searchReplace("%files", "", "/usr", "/opt")).text();
    assertThat(out).contains("/opt/bin/demo").contains("/opt/include/demo.h");
  }

  @Test
  void searchReplaceWithPackageSearchesOnlyThatPackage() {
    String out = SpecFixture.of(SPEC).apply(searchReplace("%files", "devel", "/usr", "/opt")).text();
    assertThat(out).contains("/usr/bin/demo").contains("/opt/include/demo.h");
  }

  @Test
  void searchReplaceAnchorsMatchPerLine() {
    String out = SpecFixture.of("%global with_doc 1", "%global with_doc 10").apply(searchReplace("", "", "^%global with_doc 1$", "%global with_doc 0")).text();
    assertThat(out).isEqualTo(lines("%global with_doc 0", "%global with_doc 10"));
  }

  @Test
  void aNewlineInsertedByOneOverlayIsSeveralLinesForTheNext() {
    SpecFixture f = SpecFixture.of(SPEC).apply(searchReplace("%build", "", "^make$", "make\nmake check"));
    assertThat(f.ws.spec().size()).isEqualTo(SPEC.length + 1);
    f.apply(searchReplace("%build", "", "^make check$", "make test"));
    assertThat(f.text()).contains("%build\nmake\nmake test\n");
  }

  @Test
  void searchReplaceFailsWithTheSectionAndPackageItSearched() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(searchReplace("%files", "devel", "nothing", "x")))
        .hasMessageEndingWith("): pattern \"nothing\" not found in section %files of package \"devel\"");
  }

  @Test
  void searchReplaceReportsAnInvalidRegex() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(searchReplace("", "", "(?<=x)y", "")))
        .hasMessageContaining("invalid regex \"(?<=x)y\"");
  }
}
