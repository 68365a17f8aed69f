package dev.rpmoverlay.overlay;

import static dev.rpmoverlay.overlay.Overlays.*;
import static dev.rpmoverlay.testing.SpecFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.SpecFixture;
import org.junit.jupiter.api.Test;

class SpecTagOverlaysTest {
  static final String[] SPEC = {
    "Name:           demo",
    "Release:        7%{?dist}",
    "Source0:        demo.tar.gz",
    "Source:         extra.txt",
    "%if %{with x}",
    "Source2:        x.txt",
    "%endif",
    "BuildRequires:  gcc",
    "",
    "%description",
    "Demo.",
    "",
    "%package devel",
    "Summary:        Devel",
    "Requires:       demo",
    "",
    "%package -n libdemo",
    "Summary:        Lib",
    "",
    "%files devel",
  };

  @Test
  void addTagAppendsAtTheEndOfThePreambleWithoutCheckingForDuplicates() {
    String out = SpecFixture.of(SPEC).apply(addTag("BuildRequires", "gcc", "")).text();
    assertThat(out).contains("BuildRequires:  gcc\n\nBuildRequires: gcc\n%description\n");
  }

  @Test
  void addTagTargetsSuffixAndAbsoluteSubpackages() {
    String out = SpecFixture.of(SPEC).apply(addTag("Provides", "d", "devel"), addTag("Provides", "l", "libdemo")).text();
    assertThat(out).contains("Requires:       demo\n\nProvides: d\n%package -n libdemo\n");
    assertThat(out).contains("Summary:        Lib\n\nProvides: l\n%files devel\n");
  }

  @Test
  void addTagFailsForAMissingSubpackageNamingComponentOverlayAndPackage() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(addTag("Provides", "x", "nope")))
        .isInstanceOf(OverlayFailure.class)
        .hasMessage("component demo: overlay #1 (spec-add-tag \"add\", comps/demo/demo.comp.toml:3:1): "
            + "sub-package \"nope\" not found (no '%package nope' or '%package -n nope' header;"
            + " names are matched as written, without macro expansion)");
  }

  @Test
  void insertTagGoesAfterTheLastTagOfTheSameFamilyAndPastItsEndif() {
    String out = SpecFixture.of(SPEC).apply(insertTag("Source10", "new.txt", "")).text();
    assertThat(out).contains("Source2:        x.txt\n%endif\nSource10: new.txt\nBuildRequires:  gcc\n");
  }

  @Test
  void insertTagIgnoresDigitsForTheFamily() {
    String out = SpecFixture.of("Name: a", "Patch: a.patch", "Patch: b.patch", "License: MIT", "", "%description")
        .apply(insertTag("Patch9999", "z.patch", "")).text();
    assertThat(out).isEqualTo(lines("Name: a", "Patch: a.patch", "Patch: b.patch", "Patch9999: z.patch", "License: MIT", "", "%description"));
  }

  @Test
  void insertTagWithoutSameFamilyGoesAfterTheLastTag() {
    String out = SpecFixture.of(SPEC).apply(insertTag("Obsoletes", "old", "devel")).text();
    assertThat(out).contains("Requires:       demo\nObsoletes: old\n\n%package -n libdemo");
  }

  @Test
  void insertTagWithNoTagsAtAllBehavesLikeAddTag() {
    String out = SpecFixture.of("%global x 1", "", "%description", "d").apply(insertTag("Source1", "a", "")).text();
    assertThat(out).isEqualTo(lines("%global x 1", "", "Source1: a", "%description", "d"));
  }

  @Test
  void updateTagRewritesEveryMatchingLineAndLosesAlignment() {
    String out = SpecFixture.of("Release:   1%{?dist}", "%if 0", "release: 2", "%endif", "%description")
        .apply(updateTag("Release", "5%{?dist}", "")).text();
    assertThat(out).isEqualTo(lines("Release: 5%{?dist}", "%if 0", "Release: 5%{?dist}", "%endif", "%description"));
  }

  @Test
  void updateTagDistinguishesSourceFromSource0() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(updateTag("Source1", "x", "")))
        .hasMessageContaining(": tag \"Source1\" not found in the main package; nearest lines in the spec: ");
  }

  @Test
  void aTagThatIsNotFoundNamesTheMostAlikeTagLinesOfThePackageWithTheirLineNumbers() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(updateTag("Source1", "x", "")))
        .hasMessageEndingWith(": tag \"Source1\" not found in the main package; nearest lines in the spec:"
            + " 4: \"Source:         extra.txt\", 3: \"Source0:        demo.tar.gz\", 6: \"Source2:        x.txt\"");
  }

  @Test
  void aTagLikeNoLineOfThePackageAddsNoCandidates() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(updateTag("Epoch", "1", "")))
        .hasMessageEndingWith(": tag \"Epoch\" not found in the main package");
  }

  @Test
  void updateTagOnlyTouchesTheNamedPackage() {
    String out = SpecFixture.of(SPEC).apply(updateTag("Summary", "New", "libdemo")).text();
    assertThat(out).contains("Summary:        Devel\n").contains("Summary: New\n");
  }

  @Test
  void setTagUpdatesAnExistingTag() {
    assertThat(SpecFixture.of(SPEC).apply(setTag("Name", "other", "")).text()).startsWith("Name: other\n");
  }

  @Test
  void setTagAddsAMissingTag() {
    assertThat(SpecFixture.of(SPEC).apply(setTag("URL", "https://x", "")).text()).contains("\nURL: https://x\n%description\n");
  }

  @Test
  void removeTagWithValueComparesTheWholeTrimmedValueCaseInsensitively() {
    String out = SpecFixture.of("BuildRequires: pkgconfig(highs)", "BuildRequires: pkgconfig(highs)-devel", "%description")
        .apply(removeTag("buildrequires", "PKGCONFIG(HIGHS)", "")).text();
    assertThat(out).isEqualTo(lines("BuildRequires: pkgconfig(highs)-devel", "%description"));
  }

  @Test
  void removeTagWithoutPackageTouchesOnlyTheMainPackage() {
    String out = SpecFixture.of(SPEC).apply(removeTag("Summary", "", "devel")).text();
    assertThat(out).doesNotContain("Summary:        Devel").contains("Summary:        Lib");
  }

  @Test
  void removeTagFailsWhenNothingMatches() {
    assertThatThrownBy(() -> SpecFixture.of(SPEC).apply(removeTag("Requires", "other", "devel")))
        .hasMessageEndingWith(": tag \"Requires\" with value \"other\" not found in package \"devel\";"
            + " nearest lines in the spec: 15: \"Requires:       demo\"");
  }
}
