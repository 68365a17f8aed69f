package dev.rpmoverlay.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How a spec's bytes map to text. Valid UTF-8 is decoded as UTF-8; anything else as ISO-8859-1,
 * which maps every byte to one char and back, so any input survives a round trip.
 */
public enum SpecEncoding {
  UTF_8(StandardCharsets.UTF_8),
  ISO_8859_1(StandardCharsets.ISO_8859_1);

  private final Charset charset;

  SpecEncoding(Charset charset) {
    this.charset = charset;
  }

  public Charset charset() {
    return charset;
  }

  /** Decoded text plus the encoding that reproduces the input bytes. */
  record Decoded(String text, SpecEncoding encoding) {}

  static Decoded decode(byte[] bytes) {
    // The JDK's lenient decoder is much faster than a reporting CharsetDecoder; it only produces
    // U+FFFD for malformed input, so a re-encode check is needed only when U+FFFD shows up.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0 || Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
      return new Decoded(text, UTF_8);
    }
    return new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), ISO_8859_1);
  }

  /**
   * Encodes lines. An ISO-8859-1 document that received text outside Latin-1 (an overlay's UTF-8
   * text) writes such lines as UTF-8 rather than replacing characters with '?'; its other lines
   * keep their original bytes.
   */
  byte[] encode(List<SpecLine> lines) {
    int length = 0;
    for (SpecLine line : lines) {
      length += line.text().length() + line.terminator().length();
    }
    StringBuilder all = new StringBuilder(length);
    boolean beyondLatin1 = false;
    for (SpecLine line : lines) {
      all.append(line.text()).append(line.terminator());
      if (this == ISO_8859_1 && !beyondLatin1 && line.isChanged()) {
        beyondLatin1 = !fitsLatin1(line.text());
      }
    }
    if (!beyondLatin1) {
      return all.toString().getBytes(charset);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 64);
    for (SpecLine line : lines) {
      Charset lineCharset = fitsLatin1(line.text()) ? charset : StandardCharsets.UTF_8;
      out.writeBytes(line.text().getBytes(lineCharset));
      out.writeBytes(line.terminator().getBytes(charset));
    }
    return out.toByteArray();
  }

  private static boolean fitsLatin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
