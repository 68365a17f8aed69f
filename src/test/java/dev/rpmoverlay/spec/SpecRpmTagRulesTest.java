package dev.rpmoverlay.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** {@link TagRules#RPM}: the tags and includes rpm reads where azldev's rule sees other lines. */
class SpecRpmTagRulesTest {
  private static final String SPEC = """
      Name: demo
      Patch 0: blank-before-number.patch
      Version : 1.0
      %{?with_x:Source1: %{url}/x-%{version}.tar.gz#/x.tar.gz}
      %include common.inc
      %description
      Patch9: in-description.patch
      %changelog
      %include changelog-entries.inc
      """;

  private static SpecStructure read(TagRules rules) {
    SpecDocument doc = SpecDocument.parse(SPEC);
    doc.useTagRules(rules);
    return doc.structure();
  }

  @Test
  void aBlankBeforeTheNumberOrTheColonStillMakesATag() {
    assertThat(read(TagRules.RPM).tags()).extracting(TagLine::name, TagLine::value)
        .contains(tuple("Patch 0", "blank-before-number.patch"),
            tuple("Version ", "1.0"));
  }

  @Test
  void aTagWrappedInALineSpanningConditionalExpansionIsTheWrappedTag() {
    TagLine source = read(TagRules.RPM).tagAt(3);

    assertThat(source.name()).isEqualTo("Source1");
    assertThat(source.value()).isEqualTo("%{url}/x-%{version}.tar.gz#/x.tar.gz");
    assertThat(source.indent()).isEqualTo("%{?with_x:");
    assertThat(source.trailing()).isEqualTo("}");
    assertThat(source.text()).isEqualTo("%{?with_x:Source1: %{url}/x-%{version}.tar.gz#/x.tar.gz}");
  }

  @Test
  void tagsOutsideThePreambleAndPackageSectionsAreNotTags() {
    assertThat(read(TagRules.RPM).tags()).extracting(TagLine::name).doesNotContain("Patch9");
  }

  @Test
  void includeLinesAreCollectedInEverySection() {
    assertThat(read(TagRules.RPM).includes()).containsExactly(
        new IncludeDirective(4, "common.inc"), new IncludeDirective(8, "changelog-entries.inc"));
  }

  @Test
  void azldevsRuleStaysTheDefaultAndSeesNoneOfThese() {
    SpecStructure azldev = SpecDocument.parse(SPEC).structure();

    assertThat(azldev.tags()).extracting(TagLine::name).containsExactly("Name", "%{?with_x");
    assertThat(azldev.includes()).isEmpty();
  }
}
