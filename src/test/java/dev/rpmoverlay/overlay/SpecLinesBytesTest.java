package dev.rpmoverlay.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bytes render writes for a spec: every line ended by a newline, in the spec's own encoding. */
class SpecLinesBytesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anAsciiSpecEndsEveryLineWithANewline() {
    SpecLines spec = SpecLines.parse(utf8("Name: demo\r\n%description\r\nd"));

    assertThat(spec.toBytes()).isEqualTo(utf8("Name: demo\n%description\nd\n"));
  }

  @Test
  void aUtf8SpecWithALineBeyondLatin1IsItsTextInUtf8() {
    String text = "Name: demo\n%changelog\n* Mon Jan 01 2024 Miloš Jakubíček <m@example.org> - 1\n- 修正\n";
    SpecLines spec = SpecLines.parse(utf8(text));

    assertThat(spec.toBytes()).isEqualTo(utf8(spec.render())).isEqualTo(utf8(text));
  }

  @Test
  void aLineAnOverlayWritesBeyondAsciiIsUtf8() {
    SpecLines spec = SpecLines.parse(utf8("Name: demo\nSummary: x\n"));

    spec.set(1, "Summary: café ☕", new LineOrigin.ByOverlay(0, "spec-update-tag", "test"));

    assertThat(spec.toBytes()).isEqualTo(utf8("Name: demo\nSummary: café ☕\n"));
  }

  @Test
  void anIso88591SpecKeepsLatin1BytesAndWritesAnOverlaysWiderLineAsUtf8() {
    byte[] latin1 = "Name: demo\nSummary: caf\u00e9\nLicense: MIT".getBytes(StandardCharsets.ISO_8859_1);
    SpecLines spec = SpecLines.parse(latin1);

    spec.set(2, "License: ☕", new LineOrigin.ByOverlay(0, "spec-update-tag", "test"));

    byte[] expected = concat("Name: demo\nSummary: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), utf8("License: ☕\n"));
    assertThat(spec.toBytes()).isEqualTo(expected);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
