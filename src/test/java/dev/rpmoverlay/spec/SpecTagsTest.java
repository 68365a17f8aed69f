package dev.rpmoverlay.spec;

import static dev.rpmoverlay.testing.SpecFixture.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.SpecFixture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpecTagsTest {
  private final SpecDocument doc = SpecFixture.document("tags.spec");
  private final SpecStructure structure = doc.structure();

  @Test
  void tagKeepsExactSeparatorAndTrailingWhitespace() {
    TagLine name = structure.tagsNamed("", "Name").get(0);
    assertThat(name.separator()).isEqualTo("\t\t");
    assertThat(name.value()).isEqualTo("foo");
    TagLine release = structure.tagsNamed("", "Release").get(0);
    assertThat(release.value()).isEqualTo("1%{?dist}");
    assertThat(release.trailing()).isEqualTo("  ");
    TagLine url = structure.tagsNamed("", "URL").get(0);
    assertThat(url.indent()).isEqualTo("  ");
    assertThat(url.separator()).isEqualTo("  ");
  }

  @Test
  void tagPartsRebuildTheLineExactly() {
    for (TagLine tag : structure.tags()) {
      assertThat(tag.text()).isEqualTo(doc.line(tag.line()).text());
    }
  }

  @Test
  void lastSourceTagOfTheMainPackage() {
    Pattern source = Pattern.compile("(?i)source\\d*");
    TagLine last = structure.lastTag("", t -> source.matcher(t.name()).matches());
    assertThat(last.name()).isEqualTo("Source2");
    assertThat(last.value()).isEqualTo("docs.tar.gz");
  }

  @Test
  void unnumberedAndNumberedSourcesAreDistinctNames() {
    assertThat(structure.tagsNamed("", "Source")).extracting(TagLine::value).containsExactly("foo-%{version}.tar.gz");
    assertThat(structure.tagsNamed("", "Patch12")).extracting(TagLine::value).containsExactly("fix-build.patch");
  }

  @Test
  void everyBuildRequiresOfPackageDevelIgnoringCase() {
    assertThat(structure.tagsNamed("devel", "BuildRequires"))
        .extracting(TagLine::value)
        .containsExactly("pkgconfig(foo)", "make", "nasm", "absolute-only");
  }

  @Test
  void tagsInsideConditionalsAreTags() {
    TagLine nasm = structure.tagsNamed("devel", "BuildRequires").get(2);
    assertThat(structure.conditionals().enclosing(nasm.line()).keyword()).isEqualTo("%ifarch");
  }

  @Test
  void qualifiedTagNameIncludesTheParentheses() {
    TagLine post = structure.tagAt(lineOf(doc, "Requires(post): coreutils"));
    assertThat(post.name()).isEqualTo("Requires(post)");
    assertThat(post.hasRpmTagName()).isTrue();
  }

  @Test
  void tagsOnlyInPackageSections() {
    assertThat(structure.tagAt(lineOf(doc, "Not: a tag here."))).isNull();
    assertThat(structure.tagAt(lineOf(doc, "Requires: not-a-tag-in-files"))).isNull();
  }

  @Test
  void tagBelongsToTheSectionItIsIn() {
    TagLine summary = structure.tagsNamed("devel", "Summary").get(0);
    assertThat(structure.sections().get(summary.section()).is("%package", "devel")).isTrue();
  }

  @Test
  void macroLinesThatLookLikeTagsAreTagsAsInAzldev() {
    SpecDocument d = SpecDocument.parse("%{!?py: %global py 3}\nName: x\n");
    TagLine odd = d.structure().tagAt(0);
    assertThat(odd.name()).isEqualTo("%{!?py");
    assertThat(odd.hasRpmTagName()).isFalse();
  }

  @Test
  void whitespaceBeforeTheColonMeansNoTag() {
    SpecDocument d = SpecDocument.parse("Name : foo\n:bar\nEmpty:\n");
    assertThat(d.structure().tags()).extracting(TagLine::name).containsExactly("Empty");
    assertThat(d.structure().tags().get(0).value()).isEmpty();
  }
}
