package dev.rpmoverlay.overlay;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * File bytes viewed as text for regex overlays. Valid UTF-8 is decoded as UTF-8 (so {@code .}
 * matches one character, as in Go); anything else as ISO-8859-1, which maps every byte to one
 * char and back, so binary content survives a rewrite unchanged where no match touched it.
 */
record ByteText(String text, boolean utf8) {

  static ByteText decode(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return new ByteText(s, true);
    } catch (CharacterCodingException e) {
      return new ByteText(new String(bytes, StandardCharsets.ISO_8859_1), false);
    }
  }

  byte[] encode(String newText) {
    return newText.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }
}
