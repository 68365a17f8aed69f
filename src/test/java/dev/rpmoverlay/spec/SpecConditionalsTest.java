package dev.rpmoverlay.spec;

import static dev.rpmoverlay.testing.SpecFixture.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.SpecFixture;
import org.junit.jupiter.api.Test;

class SpecConditionalsTest {
  private final SpecDocument doc = SpecFixture.document("conditionals.spec");
  private final Conditionals conditionals = doc.structure().conditionals();

  @Test
  void blocksRecordTheirDirectiveLines() {
    ConditionalBlock outer = conditionals.block(0);
    assertThat(outer.keyword()).isEqualTo("%if");
    assertThat(outer.ifLine()).isEqualTo(lineOf(doc, "%if 0%{?fedora}"));
    assertThat(outer.branchLines()).containsExactly(lineOf(doc, "BuildRequires:  e") - 1);
    assertThat(outer.endLine()).isEqualTo(lineOf(doc, "BuildRequires:  e") + 1);
    ConditionalBlock inner = conditionals.block(1);
    assertThat(inner.parent()).isEqualTo(0);
    assertThat(inner.depth()).isEqualTo(1);
    assertThat(inner.branchLines()).hasSize(2);
  }

  @Test
  void enclosingBlockOfALineIsTheInnermost() {
    int c = lineOf(doc, "BuildRequires:  c");
    assertThat(conditionals.enclosing(c).keyword()).isEqualTo("%ifarch");
    assertThat(conditionals.outermost(c).keyword()).isEqualTo("%if");
    assertThat(conditionals.depthAt(c)).isEqualTo(2);
    assertThat(conditionals.enclosing(lineOf(doc, "BuildRequires:  a")).keyword()).isEqualTo("%if");
    assertThat(conditionals.enclosing(lineOf(doc, "Summary:        top level"))).isNull();
  }

  @Test
  void directiveLinesBelongToTheirBlockOrItsParent() {
    int ifarch = lineOf(doc, "%ifarch x86_64 aarch64");
    assertThat(conditionals.enclosing(ifarch).keyword()).isEqualTo("%if");
    int elifarch = lineOf(doc, "%elifarch s390x");
    assertThat(conditionals.enclosing(elifarch).keyword()).isEqualTo("%ifarch");
    assertThat(conditionals.directiveOwner(elifarch).keyword()).isEqualTo("%ifarch");
  }

  @Test
  void commentedDirectiveDoesNotCount() {
    assertThat(doc.structure().kind(lineOf(doc, "# %endif in a comment does not count"))).isEqualTo(LineKind.COMMENT);
    assertThat(conditionals.isBalanced()).isTrue();
  }

  @Test
  void directivesAreCaseInsensitiveAndMayBeIndented() {
    assertThat(conditionals.blocks()).extracting(ConditionalBlock::keyword).containsExactly("%if", "%ifarch", "%IFOS", "%if");
    assertThat(conditionals.enclosing(lineOf(doc, "make check")).ifLine()).isEqualTo(lineOf(doc, "  %if %{with tests}"));
  }

  @Test
  void unbalancedStructureIsReportedNotThrown() {
    Conditionals bad = SpecFixture.document("unbalanced.spec").structure().conditionals();
    assertThat(bad.isBalanced()).isFalse();
    assertThat(bad.problems())
        .extracting(p -> p.kind() + "@" + p.line())
        .containsExactly(
            "UNMATCHED_ENDIF@1", "BRANCH_OUTSIDE_IF@2", "UNTERMINATED_IF@3", "BRANCH_AFTER_ELSE@6", "UNTERMINATED_IF@7");
    assertThat(bad.block(0).isTerminated()).isFalse();
    assertThat(bad.depthAt(7)).isEqualTo(1);
    assertThat(bad.problems().get(0).describe()).isEqualTo("line 2: %endif without %if");
  }

  @Test
  void documentWithoutConditionalsHasNoBlocks() {
    Conditionals none = SpecDocument.parse("Name: x\n").structure().conditionals();
    assertThat(none.blocks()).isEmpty();
    assertThat(none.enclosing(0)).isNull();
    assertThat(none.depthAt(0)).isZero();
  }
}
