package dev.rpmoverlay.overlay;

import static dev.rpmoverlay.overlay.Overlays.*;
import static dev.rpmoverlay.testing.SpecFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.SpecFixture;
import org.junit.jupiter.api.Test;

class SpecSectionOverlaysTest {
  static final String[] WRAPPED = {
    "Name: demo",
    "",
    "%description",
    "Demo.",
    "",
    "%if %{with extra}",
    "%package extra",
    "Summary: Extra",
    "",
    "%description extra",
    "Extra.",
    "%endif",
    "",
    "%files",
    "/usr/bin/demo",
    "",
    "%if %{with extra}",
    "%files extra",
    "/usr/bin/extra",
    "%endif",
    "",
    "%changelog",
    "* Mon Jan 01 2024 A <a@b> - 1-1",
  };

  @Test
  void removeSectionTakesTheHeaderThroughTheLineBeforeTheNextHeader() {
    String out = SpecFixture.of("Name: a", "%description", "d", "", "# about files", "%files", "/x").apply(removeSection("%description", "")).text();
    assertThat(out).isEqualTo(lines("Name: a", "%files", "/x"));
  }

  @Test
  void removeSectionMatchesAbsoluteSubpackageNames() {
    String out = SpecFixture.of("Name: a", "%package -n libx", "Summary: x", "%files -n libx", "/x", "%files", "/y")
        .apply(removeSection("%package", "libx"), removeSection("%files", "libx")).text();
    assertThat(out).isEqualTo(lines("Name: a", "%files", "/y"));
  }

  @Test
  void removeSectionInTheGoldenEraDoesNotBalanceConditionals() {
    String out = SpecFixture.of(WRAPPED).apply(removeSection("%description", "extra")).text();
    assertThat(out).contains("Summary: Extra\n\n%files\n");
  }

  @Test
  void removeSectionInCurrentModeKeepsTheWrappingEndif() {
    String out = SpecFixture.current(WRAPPED).apply(removeSection("%description", "extra")).text();
    assertThat(out).contains("Summary: Extra\n\n%endif\n\n%files\n");
  }

  @Test
  void removeSubpackageRemovesEverySectionOfThePackageAndKeepsConditionalsBalanced() {
    String out = SpecFixture.current(WRAPPED).apply(removeSubpackage("extra")).text();
    assertThat(out).isEqualTo(lines(
        "Name: demo", "", "%description", "Demo.", "", "%if %{with extra}",
        "%endif", "", "%files", "/usr/bin/demo", "", "%if %{with extra}", "%endif", "", "%changelog",
        "* Mon Jan 01 2024 A <a@b> - 1-1"));
  }

  @Test
  void removeSectionFailsWhenConditionalContentSpansIntoTheNextSection() {
    assertThatThrownBy(() -> SpecFixture.current("Name: a", "%files", "/x", "%if 0", "/y", "%description", "d", "%endif")
        .apply(removeSection("%files", "")))
        .hasMessageEndingWith("): section at lines 2-5 has a conditional block that spans into the next section;"
            + " use a spec-search-replace overlay to adjust the conditionals before removing it");
  }

  @Test
  void removeSectionCountsConditionalsInsideAMultiLineDefineAsAzldevDoes() {
    // azldev pairs %if/%endif on every physical line, macro bodies included
    assertThatThrownBy(() -> SpecFixture.current("Name: a", "%define close_it() \\", "%endif", "%files", "/x", "%description", "d")
        .apply(removeSection("%files", "")))
        .hasMessageEndingWith("): unmatched %endif at line 3");
  }

  @Test
  void removeSectionFailsOnABranchOfAnOuterConditional() {
    assertThatThrownBy(() -> SpecFixture.current("Name: a", "%if 0", "%files", "/x", "%else", "/y", "%endif", "%description", "d")
        .apply(removeSection("%files", "")))
        .hasMessageContaining("contains a %else/%elif branch of a conditional that extends beyond the section");
  }

  @Test
  void removeSectionFailsWhenNotFound() {
    assertThatThrownBy(() -> SpecFixture.of(WRAPPED).apply(removeSection("%files", "nope")))
        .hasMessageEndingWith("): section %files of package \"nope\" not found");
  }

  @Test
  void thePreambleCannotBeRemoved() {
    assertThatThrownBy(() -> SpecFixture.of(WRAPPED).apply(removeSection("", "")))
        .hasMessageEndingWith("): the preamble cannot be removed (section must name a section such as %files)");
  }

  @Test
  void removeSubpackageFailsWhenNoSectionIsQualifiedWithIt() {
    assertThatThrownBy(() -> SpecFixture.of(WRAPPED).apply(removeSubpackage("nope")))
        .hasMessageEndingWith("): sub-package \"nope\" not found (no section header qualified with 'nope' or '-n nope')");
  }

  @Test
  void headerQualifiersFollowAzldevsParsing() {
    String out = SpecFixture.of("Name: a", "%files -f foo.lang devel", "/a", "%description -l de -n foo", "x",
        "%triggerin -- pkg", "t", "%filetriggerin devel -P 100 -- /usr/lib", "u")
        .apply(removeSubpackage("devel")).text();
    assertThat(out).isEqualTo(lines("Name: a", "%description -l de -n foo", "x", "%triggerin -- pkg", "t"));
  }
}
