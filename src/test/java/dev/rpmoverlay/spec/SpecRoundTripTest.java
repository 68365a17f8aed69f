package dev.rpmoverlay.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecRoundTripTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRoundTrip(byte[] input) {
    assertThat(SpecDocument.parse(input).toBytes()).isEqualTo(input);
  }

  @Test
  void lfFileRoundTrips() {
    assertRoundTrip(utf8("Name: foo\n\n%description\ntext\n"));
  }

  @Test
  void crlfStaysCrlfAndTheCrIsNotPartOfTheText() {
    SpecDocument doc = SpecDocument.parse(utf8("Name: foo\r\nVersion: 1\r\n"));
    assertThat(doc.line(0).text()).isEqualTo("Name: foo");
    assertThat(doc.line(0).terminator()).isEqualTo("\r\n");
    assertThat(doc.toBytes()).isEqualTo(utf8("Name: foo\r\nVersion: 1\r\n"));
  }

  @Test
  void loneCarriageReturnIsContent() {
    SpecDocument doc = SpecDocument.parse(utf8("a\rb\nc\r"));
    assertThat(doc.size()).isEqualTo(2);
    assertThat(doc.line(0).text()).isEqualTo("a\rb");
    assertThat(doc.line(1).text()).isEqualTo("c\r");
    assertThat(doc.line(1).terminator()).isEmpty();
    assertRoundTrip(utf8("a\rb\nc\r"));
  }

  @Test
  void missingFinalNewlineIsKept() {
    SpecDocument doc = SpecDocument.parse(utf8("Name: foo\nVersion: 1"));
    assertThat(doc.line(1).terminator()).isEmpty();
    assertRoundTrip(utf8("Name: foo\nVersion: 1"));
  }

  @Test
  void mixedTerminatorsRoundTrip() {
    assertRoundTrip(utf8("a\r\nb\nc\r\r\n\n\r\n"));
  }

  @Test
  void emptyInputHasNoLines() {
    SpecDocument doc = SpecDocument.parse(new byte[0]);
    assertThat(doc.size()).isZero();
    assertThat(doc.toBytes()).isEmpty();
    assertThat(doc.structure().sections()).hasSize(1);
  }

  @Test
  void nulBytesAndTabsAndTrailingSpacesSurvive() {
    assertRoundTrip(utf8("Name:\tfoo \u0000bar  \t\n\u0000\n"));
  }

  @Test
  void invalidUtf8FallsBackToLatin1AndRoundTrips() {
    byte[] input = {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, (byte) 0xFF, '\n', (byte) 0xC3};
    SpecDocument doc = SpecDocument.parse(input);
    assertThat(doc.encoding()).isEqualTo(SpecEncoding.ISO_8859_1);
    assertThat(doc.toBytes()).isEqualTo(input);
  }

  @Test
  void validUtf8WithReplacementCharacterStaysUtf8() {
    byte[] input = utf8("Summary: \uFFFD and caf\u00e9\n");
    SpecDocument doc = SpecDocument.parse(input);
    assertThat(doc.encoding()).isEqualTo(SpecEncoding.UTF_8);
    assertThat(doc.toBytes()).isEqualTo(input);
  }

  @Test
  void byteOrderMarkIsKept() {
    assertRoundTrip(utf8("\uFEFFName: foo\n"));
  }

  @Test
  void longLinesRoundTrip() {
    String line = "Requires: " + "x".repeat(70_000);
    assertRoundTrip(utf8(line + "\n" + line));
  }

  @Test
  void twoMegabyteFileRoundTrips() {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (sb.length() < 2_000_000) {
      sb.append("%files sub").append(i).append("\n/usr/share/file-").append(i++).append("\r\n");
    }
    assertRoundTrip(utf8(sb.toString()));
  }

  @Test
  void randomBytesRoundTripAndNeverThrow() {
    Random random = new Random(42);
    byte[] alphabet = utf8("%{}()[]\\\n\r#: \tifendlsepackagefiles-n\u00e9");
    for (int round = 0; round < 2000; round++) {
      byte[] input = new byte[random.nextInt(300)];
      for (int k = 0; k < input.length; k++) {
        input[k] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
      }
      SpecDocument doc = SpecDocument.parse(input);
      doc.structure();
      assertThat(doc.toBytes()).isEqualTo(input);
    }
  }

  @Test
  void randomSpecFragmentsRoundTripAndNeverThrow() {
    String[] pieces = {
      "%global x ", "%define f() ", "%{expand:", "%{lua:", "%{?with_x:", "}", "{", "%(", ")", "%[", "]",
      "\\", "\n", "\r\n", "\r", "%if 1", "%ifarch x", "%else", "%elif 0", "%endif", "%package -n x",
      "%files devel", "%description", "%changelog", "Name: ", "BuildRequires:\t", "#", "%%", " ", "\t",
      "\u0000", "\u00e9", "\u2713", "--", "-n", "\uFFFD"
    };
    Random random = new Random(7);
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int count = random.nextInt(60);
      for (int k = 0; k < count; k++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] input = utf8(sb.toString());
      SpecDocument doc = SpecDocument.parse(input);
      SpecStructure structure = doc.structure();
      for (int line = 0; line < doc.size(); line++) {
        structure.conditionals().enclosing(line);
        structure.sectionAt(line);
      }
      assertThat(doc.toBytes()).isEqualTo(input);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Name: foo\n", "Summary: caf\u00e9\n", "Summary: 10 \u20ac \uD83D\uDE00\n", "Summary: lone \uD800 surrogate\n",
      "Summary: \u00ff?\n"})
  void textIsPrintedAsItsUtf8Encoding(String text) {
    assertThat(SpecDocument.parse(text).toBytes()).isEqualTo(utf8(text));
  }

  @Test
  void linesRecordTheirUpstreamLineNumber() {
    SpecDocument doc = SpecDocument.parse("a\nb\nc\n");
    assertThat(doc.lines()).extracting(SpecLine::upstreamLine).containsExactly(1, 2, 3);
    assertThat(doc.lines()).extracting(SpecLine::changedBy).containsOnly(SpecLine.UNCHANGED);
  }
}
