package dev.rpmoverlay.spec;

import static dev.rpmoverlay.testing.SpecFixture.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rpmoverlay.testing.SpecFixture;
import org.junit.jupiter.api.Test;

class SpecSectionsTest {
  private final SpecDocument doc = SpecFixture.document("sections.spec");
  private final SpecStructure structure = doc.structure();

  @Test
  void preambleIsTheFirstSectionWithEmptyNameAndPackage() {
    Section preamble = structure.preamble();
    assertThat(preamble.name()).isEmpty();
    assertThat(preamble.packageName()).isEmpty();
    assertThat(preamble.headerLine()).isEqualTo(-1);
    assertThat(preamble.bodyStart()).isZero();
    assertThat(preamble.end()).isEqualTo(lineOf(doc, "%description"));
  }

  @Test
  void everyHeaderStartsASectionWithItsPackageQualifier() {
    assertThat(structure.sections())
        .extracting(Section::name, Section::packageName, s -> s.pkg().form())
        .containsExactly(
            tuple("", "", PackageForm.MAIN),
            tuple("%description", "", PackageForm.MAIN),
            tuple("%package", "devel", PackageForm.SUFFIX),
            tuple("%package", "libfoo", PackageForm.ABSOLUTE),
            tuple("%description", "devel", PackageForm.SUFFIX),
            tuple("%description", "libfoo", PackageForm.ABSOLUTE),
            tuple("%prep", "", PackageForm.MAIN),
            tuple("%generate_buildrequires", "", PackageForm.MAIN),
            tuple("%build", "", PackageForm.MAIN),
            tuple("%install", "", PackageForm.MAIN),
            tuple("%post", "", PackageForm.MAIN),
            tuple("%triggerin", "", PackageForm.MAIN),
            tuple("%filetriggerin", "devel", PackageForm.SUFFIX),
            tuple("%files", "devel", PackageForm.SUFFIX),
            tuple("%files", "libfoo", PackageForm.ABSOLUTE),
            tuple("%sourcelist", "", PackageForm.MAIN),
            tuple("%patchlist", "", PackageForm.MAIN),
            tuple("%changelog", "", PackageForm.MAIN));
  }

  @Test
  void sectionBodyRunsToTheNextHeader() {
    Section devel = structure.sections("%description", "devel").get(0);
    assertThat(devel.headerLine()).isEqualTo(lineOf(doc, "%description devel"));
    assertThat(devel.bodyStart()).isEqualTo(devel.headerLine() + 1);
    assertThat(devel.end()).isEqualTo(lineOf(doc, "%description -l de -n libfoo"));
    Section changelog = structure.sections("%changelog", "").get(0);
    assertThat(changelog.end()).isEqualTo(doc.size());
  }

  @Test
  void commentAtColumnZeroAndEscapedPercentAreNotHeaders() {
    int comment = lineOf(doc, "#%files devel");
    int escaped = lineOf(doc, "%%files devel is an escaped percent, not a header");
    assertThat(structure.kind(comment)).isEqualTo(LineKind.COMMENT);
    assertThat(structure.kind(escaped)).isEqualTo(LineKind.OTHER);
    assertThat(structure.sectionAt(escaped).is("%description", "devel")).isTrue();
  }

  @Test
  void indentedHeaderCounts() {
    assertThat(structure.kind(lineOf(doc, "  %install"))).isEqualTo(LineKind.HEADER);
  }

  @Test
  void sectionAtAnswersWhichSubPackageASectionBelongsTo() {
    int line = lineOf(doc, "/usr/include/foo.h");
    Section files = structure.sectionAt(line);
    assertThat(files.name()).isEqualTo("%files");
    assertThat(files.packageName()).isEqualTo("devel");
    assertThat(files.pkg().fullName("foo")).isEqualTo("foo-devel");
    Section lib = structure.sectionAt(lineOf(doc, "/usr/lib/libfoo.so.1"));
    assertThat(lib.pkg().fullName("foo")).isEqualTo("libfoo");
  }

  @Test
  void subPackagesAreThePackageSections() {
    assertThat(structure.subPackages()).extracting(Section::packageName).containsExactly("devel", "libfoo");
    assertThat(structure.sectionsOfPackage("devel"))
        .extracting(Section::name)
        .containsExactly("%package", "%description", "%filetriggerin", "%files");
  }

  @Test
  void headerKeepsItsTokensAndCase() {
    SectionHeader header = SectionHeader.parse("%Files -f foo.lang devel");
    assertThat(header.name()).isEqualTo("%Files");
    assertThat(header.type()).isEqualTo(SectionType.FILES);
    assertThat(header.tokens()).containsExactly("%Files", "-f", "foo.lang", "devel");
  }

  @Test
  void qualifierRulesFollowAzldevHead() {
    assertThat(SectionHeader.parse("%triggerin -- pkg").qualifier().name()).isEmpty();
    assertThat(SectionHeader.parse("%description -l de -n foo").qualifier().name()).isEqualTo("foo");
    assertThat(SectionHeader.parse("%files -f foo.lang devel").qualifier().name()).isEqualTo("devel");
    assertThat(SectionHeader.parse("%post -p /sbin/ldconfig").qualifier().isMain()).isTrue();
    assertThat(SectionHeader.parse("%files -n a -n b").qualifier().name()).isEqualTo("b");
    assertThat(SectionHeader.parse("%changelog devel").qualifier().isMain()).isTrue();
    assertThat(SectionHeader.parse("%package -n").qualifier().isMain()).isTrue();
  }

  @Test
  void aprilRulesTreatDashDashAndLocaleFlagsAsBuildsBefore() {
    assertThat(SectionHeader.parse("%triggerin -- pkg").qualifier(QualifierRules.APRIL_2026).name()).isEqualTo("pkg");
    assertThat(SectionHeader.parse("%description -l de").qualifier(QualifierRules.APRIL_2026).name()).isEqualTo("de");
    assertThat(SectionHeader.parse("%description -l de").qualifier(QualifierRules.HEAD).isMain()).isTrue();
  }

  @Test
  void documentCanAssignPackagesByAprilRules() {
    SpecDocument d = SpecDocument.parse("Name: x\n%triggerin -- pkg\necho\n");
    assertThat(d.structure().sections().get(1).packageName()).isEmpty();
    d.useQualifierRules(QualifierRules.APRIL_2026);
    assertThat(d.structure().sections().get(1).packageName()).isEqualTo("pkg");
  }

  @Test
  void headerKeywordsMatchInAnyCase() {
    assertThat(SectionHeader.parse("%DESCRIPTION devel").type()).isEqualTo(SectionType.DESCRIPTION);
    assertThat(SectionHeader.parse("\t%Changelog").name()).isEqualTo("%Changelog");
  }

  @Test
  void unknownPercentWordsAndEndAreNotHeaders() {
    assertThat(SectionHeader.parse("%end")).isNull();
    assertThat(SectionHeader.parse("%files_devel")).isNull();
    assertThat(SectionHeader.parse("%{files}")).isNull();
    assertThat(SectionHeader.parse("files")).isNull();
  }

  @Test
  void azldevAndRpmKnowDifferentSectionKeywords() {
    assertThat(SectionHeader.isKeyword("%verify", SectionHeader.Keywords.AZLDEV)).isTrue();
    assertThat(SectionHeader.isKeyword("%verify", SectionHeader.Keywords.RPM)).isFalse();
    assertThat(SectionHeader.isKeyword("%verifyscript", SectionHeader.Keywords.RPM)).isTrue();
    assertThat(SectionHeader.isKeyword("%verifyscript", SectionHeader.Keywords.AZLDEV)).isFalse();
    assertThat(SectionHeader.isKeyword("%sepolicy", SectionHeader.Keywords.RPM)).isTrue();
    assertThat(SectionHeader.isKeyword("%triggerwhatever", SectionHeader.Keywords.RPM)).isTrue();
    assertThat(SectionHeader.isKeyword("%triggerwhatever", SectionHeader.Keywords.AZLDEV)).isFalse();
  }

  @Test
  void azldevKeywordsMatchInAnyCaseAndRpmsOnlyAsWrittenInLowerCase() {
    assertThat(SectionHeader.isKeyword("%FILES", SectionHeader.Keywords.AZLDEV)).isTrue();
    assertThat(SectionHeader.isKeyword("%FILES", SectionHeader.Keywords.RPM)).isFalse();
    assertThat(SectionHeader.isKeyword("%files", SectionHeader.Keywords.RPM)).isTrue();
    assertThat(SectionHeader.isKeyword("%filesx", SectionHeader.Keywords.AZLDEV)).isFalse();
  }
}
