package dev.rpmoverlay.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How a spec's bytes map to text. Valid UTF-8 is decoded as UTF-8; anything else as ISO-8859-1,
 * which maps every byte to one char and back, so any input survives a round trip. Printing of
 * documents whose chars all fit one byte is done by {@link SpecDocument} directly.
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

  /**
   * Decodes one line's bytes, or returns null if they are not valid in this encoding (only UTF-8
   * can fail). The JDK's lenient UTF-8 decoder is much faster than a reporting CharsetDecoder and
   * only produces U+FFFD for malformed input, so the re-encode check runs only when U+FFFD shows up.
   */
  @SuppressWarnings("deprecation")
  String decodeLine(byte[] bytes, int offset, int length) {
    if (this == ISO_8859_1) {
      return new String(bytes, 0, offset, length);
    }
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      byte[] again = text.getBytes(StandardCharsets.UTF_8);
      if (!Arrays.equals(again, 0, again.length, bytes, offset, offset + length)) {
        return null;
      }
    }
    return text;
  }

  /**
   * Encodes lines. An ISO-8859-1 document that received text outside Latin-1 (an overlay's UTF-8
   * text) writes such lines as UTF-8 rather than replacing characters with '?'; its other lines
   * keep their original bytes.
   */
  byte[] encode(List<SpecLine> lines) {
    return encode(lines, null);
  }

  /** {@link #encode(List)}, every line ended by {@code terminator} instead of its own when that is not null. */
  byte[] encode(List<SpecLine> lines, String terminator) {
    return this == UTF_8 ? encodeUtf8(lines, terminator) : encodeLatin1(lines, terminator);
  }

  /** {@code line}'s terminator, or {@code forced} in its place when that is not null. */
  static String terminator(SpecLine line, String forced) {
    return forced != null ? forced : line.terminator();
  }

  /**
   * UTF-8, line by line: {@link String#getBytes} uses the JDK's intrinsics (a plain copy for
   * ASCII lines), which beats a hand-written encoder on a whole file.
   */
  private static byte[] encodeUtf8(List<SpecLine> lines, String forcedTerminator) {
    int capacity = 16;
    for (SpecLine line : lines) {
      capacity += line.text().length() + terminator(line, forcedTerminator).length();
    }
    byte[] out = new byte[capacity + (capacity >> 3)];
    int pos = 0;
    for (SpecLine line : lines) {
      byte[] text = line.text().getBytes(StandardCharsets.UTF_8);
      String terminator = terminator(line, forcedTerminator);
      int needed = pos + text.length + terminator.length();
      if (needed > out.length) {
        out = Arrays.copyOf(out, Math.max(needed, out.length + (out.length >> 1)));
      }
      System.arraycopy(text, 0, out, pos, text.length);
      pos += text.length;
      for (int i = 0; i < terminator.length(); i++) {
        out[pos++] = (byte) terminator.charAt(i);
      }
    }
    return pos == out.length ? out : Arrays.copyOf(out, pos);
  }

  /**
   * ISO-8859-1. A changed line holding characters beyond Latin-1 (an overlay's UTF-8 text) is
   * written as UTF-8 rather than with '?' for them; all other lines keep their original bytes.
   */
  private byte[] encodeLatin1(List<SpecLine> lines, String forcedTerminator) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SpecLine line : lines) {
      Charset lineCharset = fitsLatin1(line.text()) ? charset : StandardCharsets.UTF_8;
      out.writeBytes(line.text().getBytes(lineCharset));
      out.writeBytes(terminator(line, forcedTerminator).getBytes(charset));
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
