package dev.rpmoverlay.review;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A text file split into lines, remembering whether its last line had a terminator. */
record TextLines(List<String> lines, boolean finalNewline) {

  TextLines {
    lines = List.copyOf(lines);
  }

  static final TextLines EMPTY = new TextLines(List.of(), true);

  /** The file's lines, or empty when the bytes are not UTF-8 text (or contain NUL). */
  static Optional<TextLines> of(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return Optional.empty();
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        lines.add(text.substring(start));
        return Optional.of(new TextLines(lines, false));
      }
      lines.add(text.substring(start, nl));
      start = nl + 1;
    }
    return Optional.of(new TextLines(lines, true));
  }
}
