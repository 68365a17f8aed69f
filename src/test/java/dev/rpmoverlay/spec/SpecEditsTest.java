package dev.rpmoverlay.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecEditsTest {

  @Test
  void editedTagReprintsOnlyThatLine() {
    String input = "Name:           foo\nVersion:        1.0\nRelease:        7%{?dist}\n\n%description\nx\n";
    SpecDocument doc = SpecDocument.parse(input);
    TagLine release = doc.structure().tagsNamed("", "Release").get(0);
    doc.replaceTagValue(release, "8%{?dist}", 3);
    assertThat(doc.text()).isEqualTo(input.replace("7%{?dist}", "8%{?dist}"));
    assertThat(doc.line(2).changedBy()).isEqualTo(3);
    assertThat(doc.line(2).upstreamLine()).isEqualTo(3);
    assertThat(doc.line(1).changedBy()).isEqualTo(SpecLine.UNCHANGED);
  }

  @Test
  void rewriteTagUsesAzldevFormat() {
    SpecDocument doc = SpecDocument.parse("  Release:        7%{?dist}\n");
    doc.rewriteTag(doc.structure().tags().get(0), "Release", "8%{?dist}", 0);
    assertThat(doc.text()).isEqualTo("Release: 8%{?dist}\n");
  }

  @Test
  void insertedLinesAreStampedAndStructureFollows() {
    SpecDocument doc = SpecDocument.parse("Name: foo\n\n%description\nx\n");
    assertThat(doc.structure().subPackages()).isEmpty();
    doc.insertLines(2, List.of("%package devel", "Summary: d", ""), 5);
    assertThat(doc.structure().subPackages()).extracting(Section::packageName).containsExactly("devel");
    assertThat(doc.line(3).isInserted()).isTrue();
    assertThat(doc.line(3).changedBy()).isEqualTo(5);
    assertThat(doc.line(5).upstreamLine()).isEqualTo(3);
  }

  @Test
  void removeLinesDropsARange() {
    SpecDocument doc = SpecDocument.parse("a\nb\nc\nd\n");
    doc.removeLines(1, 3);
    assertThat(doc.text()).isEqualTo("a\nd\n");
    assertThat(doc.line(1).upstreamLine()).isEqualTo(4);
  }

  @Test
  void appendingAfterALastLineWithoutNewlineKeepsTheFileEnding() {
    SpecDocument doc = SpecDocument.parse("a\nb");
    doc.insertLines(2, List.of("c"), 1);
    assertThat(doc.text()).isEqualTo("a\nb\nc");
  }

  @Test
  void crlfLinesKeepTheirTerminatorWhenReplaced() {
    SpecDocument doc = SpecDocument.parse("Name: a\r\nVersion: 1\r\n");
    doc.replaceLine(0, "Name: b", 0);
    assertThat(doc.text()).isEqualTo("Name: b\r\nVersion: 1\r\n");
  }

  @Test
  void multiLineTextStaysOneLineUntilSplit() {
    SpecDocument doc = SpecDocument.parse("a\nb\n");
    doc.insertLines(1, List.of("x\ny"), 2);
    assertThat(doc.size()).isEqualTo(3);
    assertThat(doc.text()).isEqualTo("a\nx\ny\nb\n");
    assertThat(doc.splitEmbeddedNewlines()).isTrue();
    assertThat(doc.lines()).extracting(SpecLine::text).containsExactly("a", "x", "y", "b");
    assertThat(doc.lines()).extracting(SpecLine::changedBy).containsExactly(-1, 2, 2, -1);
    assertThat(doc.splitEmbeddedNewlines()).isFalse();
  }

  @Test
  void replacementWithNewlineSplitsIntoLinesKeepingTheOriginOfTheFirst() {
    SpecDocument doc = SpecDocument.parse("a\nb\n");
    doc.replaceLine(1, "b1\nb2", 4);
    doc.splitEmbeddedNewlines();
    assertThat(doc.lines()).extracting(SpecLine::upstreamLine).containsExactly(1, 2, 0);
    assertThat(doc.text()).isEqualTo("a\nb1\nb2\n");
  }

  @Test
  void copyIsIndependent() {
    SpecDocument doc = SpecDocument.parse("a\n");
    SpecDocument copy = doc.copy();
    copy.replaceLine(0, "b", 0);
    assertThat(doc.text()).isEqualTo("a\n");
    assertThat(copy.text()).isEqualTo("b\n");
  }

  @Test
  void latin1DocumentWritesNewNonLatin1TextAsUtf8AndKeepsOtherBytes() {
    byte[] input = {'a', (byte) 0xE9, '\n'};
    SpecDocument doc = SpecDocument.parse(input);
    doc.insertLines(1, List.of("\u2713"), 0);
    byte[] check = "\u2713\n".getBytes(StandardCharsets.UTF_8);
    byte[] expected = new byte[input.length + check.length];
    System.arraycopy(input, 0, expected, 0, input.length);
    System.arraycopy(check, 0, expected, input.length, check.length);
    assertThat(doc.toBytes()).isEqualTo(expected);
  }
}
