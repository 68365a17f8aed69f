package dev.rpmoverlay.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rpm's reading of a spec: logical lines and rpm's keyword tables. */
class SpecRpmLinesTest {

  private static List<RpmLine> read(String spec) {
    List<RpmLine> out = new ArrayList<>();
    RpmLines lines = new RpmLines(SpecDocument.parse(spec));
    for (RpmLine line = lines.next(); line != null; line = lines.next()) {
      out.add(line);
    }
    return out;
  }

  @Test
  void aBackslashAtTheEndContinuesTheLineAndIsDropped() {
    assertThat(read("Version: 1.\\\n2\nRelease: 1\n")).extracting(RpmLine::text).containsExactly("Version: 1.\n2", "Release: 1");
  }

  @Test
  void anOpenMacroBraceContinuesTheLineUntilItCloses() {
    assertThat(read("%global v %{lua:\nprint(1)\n}\nName: x\n")).extracting(RpmLine::text)
        .containsExactly("%global v %{lua:\nprint(1)\n}", "Name: x");
  }

  @Test
  void anEscapedPercentOpensNothing() {
    assertThat(read("Summary: 100%%{\nName: x\n")).hasSize(2);
  }

  @Test
  void aLineThatNeverClosesDoesNotSwallowTheRestOfTheSpec() {
    assertThat(read("Version: %{foo\nName: x\n")).extracting(RpmLine::text).containsExactly("Version: %{foo", "Name: x");
  }

  @Test
  void theKeywordAndItsArgumentAreSplitOffTheStrippedLine() {
    RpmLine line = read("  %global  major 3  \n").get(0);
    assertThat(line.keyword()).isEqualTo("%global");
    assertThat(line.argument()).isEqualTo("major 3");
    assertThat(read("Name: x\n").get(0).keyword()).isNull();
  }

  @Test
  void rpmHasNoElifnarchOrElifnos() {
    assertThat(read("%elifarch x86_64\n").get(0).conditional()).isEqualTo(ConditionalDirective.BRANCH);
    assertThat(read("%elifnarch x86_64\n").get(0).conditional()).isNull();
    assertThat(read("%elifnos linux\n").get(0).conditional()).isNull();
    assertThat(ConditionalDirective.of("%elifnarch")).as("azldev's reading").isEqualTo(ConditionalDirective.BRANCH);
  }

  @Test
  void sectionsFollowRpmsKeywordList() {
    assertThat(read("%verifyscript\n").get(0).startsSection()).isTrue();
    assertThat(read("%triggerpostun -- foo\n").get(0).startsSection()).isTrue();
    assertThat(read("%verify\n").get(0).startsSection()).isFalse();
    assertThat(read("%global x 1\n").get(0).startsSection()).isFalse();
  }
}
