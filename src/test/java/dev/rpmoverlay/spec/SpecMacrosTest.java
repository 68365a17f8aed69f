package dev.rpmoverlay.spec;

import static dev.rpmoverlay.testing.SpecFixture.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.SpecFixture;
import org.junit.jupiter.api.Test;

class SpecMacrosTest {
  private final SpecDocument doc = SpecFixture.document("macros.spec");
  private final SpecStructure structure = doc.structure();

  @Test
  void singleLineDefinition() {
    MacroDefinition forge = structure.macro("forgeurl");
    assertThat(forge.keyword()).isEqualTo("%global");
    assertThat(forge.body()).isEqualTo("https://example.org/foo");
    assertThat(forge.end()).isEqualTo(forge.line() + 1);
  }

  @Test
  void backslashContinuationExtendsTheBody() {
    MacroDefinition desc = structure.macro("common_desc");
    assertThat(desc.line()).isEqualTo(lineOf(doc, "%define common_desc \\"));
    assertThat(desc.end()).isEqualTo(lineOf(doc, "Still the body.") + 1);
    assertThat(desc.body()).startsWith("\\\nA multi-line description.\\\n%files this-is-not-a-header");
  }

  @Test
  void expandBodySpansLinesUntilTheBraceCloses() {
    MacroDefinition desc = structure.macro("_description");
    assertThat(desc.end()).isEqualTo(lineOf(doc, "}") + 1);
    assertThat(desc.body()).contains("%package not-a-subpackage");
  }

  @Test
  void parameterisedMacroHasOptions() {
    MacroDefinition lang = structure.macro("lang_subpkg");
    assertThat(lang.options()).isEmpty();
    assertThat(lang.body()).contains("%files langpack-%{1}");
    assertThat(structure.macro("forgeurl").options()).isNull();
  }

  @Test
  void sectionLikeTextInMacroBodiesIsNotStructure() {
    assertThat(structure.sections())
        .extracting(s -> s.name() + "/" + s.packageName())
        .containsExactly("/", "%description/", "%package/server", "%files/");
    assertThat(structure.kind(lineOf(doc, "%files this-is-not-a-header\\"))).isEqualTo(LineKind.CONTINUATION);
    assertThat(structure.kind(lineOf(doc, "%files -n lua-generated"))).isEqualTo(LineKind.CONTINUATION);
  }

  @Test
  void tagLikeAndConditionalLikeTextInMacroBodiesIsIgnored() {
    assertThat(structure.tagsNamed("", "Summary")).isEmpty();
    assertThat(structure.conditionals().blocks()).isEmpty();
    assertThat(structure.tagsNamed("", "Version")).hasSize(1);
  }

  @Test
  void inlineConditionalExpansionKeepsItsSectionsAsRpmExpandsThemInPlace() {
    assertThat(structure.tagsNamed("server", "Summary")).hasSize(1);
  }

  @Test
  void azldevLineRulesSeeHeadersInsideMacroBodies() {
    doc.useOpaqueMacroBodies(false);
    SpecStructure azldev = doc.structure();
    assertThat(azldev.kind(lineOf(doc, "%files this-is-not-a-header\\"))).isEqualTo(LineKind.HEADER);
    assertThat(azldev.subPackages()).extracting(Section::packageName)
        .containsExactly("not-a-subpackage", "langpack-%{1}\\", "server");
    assertThat(azldev.macro("common_desc").end()).isEqualTo(lineOf(doc, "Still the body.") + 1);
  }

  @Test
  void unclosedBraceDoesNotSwallowTheRestOfTheFile() {
    SpecDocument d = SpecDocument.parse("%global broken %{expand:\nName: x\n%files\n/usr/bin/x\n");
    assertThat(d.structure().sections()).extracting(Section::name).containsExactly("", "%files");
    assertThat(d.structure().macro("broken").end()).isEqualTo(1);
  }

  @Test
  void escapedPercentAndBackslashDoNotOpenBodies() {
    SpecDocument d = SpecDocument.parse("%global a %%{\n%files\n%global b \\%{\n%files x\n");
    assertThat(d.structure().sections()).extracting(Section::packageName).containsExactly("", "", "x");
  }

  @Test
  void crlfBackslashIsNotAContinuationAsInRpm() {
    SpecDocument d = SpecDocument.parse("%define a \\\r\n%files\r\n");
    assertThat(d.structure().sections()).hasSize(2);
  }
}
