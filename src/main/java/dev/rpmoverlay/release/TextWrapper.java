package dev.rpmoverlay.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code textwrap.TextWrapper(width, subsequent_indent)} with its default settings
 * (tabs expanded to 8, whitespace replaced by spaces, words split after hyphens, long words
 * broken, whitespace dropped at line edges), which rpmautospec uses to wrap changelog bullets.
 * Widths count code points, as Python does.
 */
final class TextWrapper {
  private static final String WS = "[\\t\\n\\x0b\\x0c\\r\\x20]";
  private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r\\x20]";
  private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
  private static final String LETTER = "[\\w&&[^\\d]]";
  private static final Pattern WORD_SEPARATOR =
      Pattern.compile(
          "("
              + WS + "+"
              + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
              + "|" + NWS + "+?(?:"
              + "-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))(?=" + LETTER + "-?" + LETTER + ")"
              + "|(?=" + WS + "|\\z)"
              + "|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)"
              + "))",
          Pattern.UNICODE_CHARACTER_CLASS);

  private final int width;
  private final String subsequentIndent;

  TextWrapper(int width, String subsequentIndent) {
    this.width = width;
    this.subsequentIndent = subsequentIndent;
  }

  /** {@code TextWrapper.fill}: the wrapped lines joined with {@code \n}. */
  String fill(String text) {
    if (fitsAsIs(text)) {
      return text;
    }
    return String.join("\n", wrap(text));
  }

  /**
   * Whether wrapping leaves {@code text} unchanged: it fits on the first line, has no whitespace
   * that would be replaced or expanded, and no trailing space that would be dropped.
   */
  private boolean fitsAsIs(String text) {
    if (text.isEmpty() || text.charAt(text.length() - 1) == ' ' || PythonText.length(text) > width) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '\n' || c == 0x0b || c == 0x0c || c == '\r') {
        return false;
      }
    }
    return true;
  }

  List<String> wrap(String text) {
    return wrapChunks(split(munge(text)));
  }

  private static String munge(String text) {
    String expanded = PythonText.expandTabs(text, 8);
    StringBuilder sb = new StringBuilder(expanded.length());
    for (int i = 0; i < expanded.length(); i++) {
      char c = expanded.charAt(i);
      sb.append(c == '\t' || c == '\n' || c == 0x0b || c == 0x0c || c == '\r' ? ' ' : c);
    }
    return sb.toString();
  }

  /** {@code re.split} with a capturing group keeps the separators; empty pieces are dropped. */
  private static List<String> split(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher m = WORD_SEPARATOR.matcher(text);
    int last = 0;
    while (m.find()) {
      addIfNotEmpty(chunks, text.substring(last, m.start()));
      addIfNotEmpty(chunks, m.group(1));
      last = m.end();
    }
    addIfNotEmpty(chunks, text.substring(last));
    return chunks;
  }

  private static void addIfNotEmpty(List<String> chunks, String s) {
    if (!s.isEmpty()) {
      chunks.add(s);
    }
  }

  private static boolean isBlank(String chunk) {
    return PythonText.strip(chunk).isEmpty();
  }

  private List<String> wrapChunks(List<String> input) {
    List<String> lines = new ArrayList<>();
    // A stack with the next chunk last, as in Python's implementation.
    List<String> chunks = new ArrayList<>(input.size());
    for (int i = input.size() - 1; i >= 0; i--) {
      chunks.add(input.get(i));
    }
    while (!chunks.isEmpty()) {
      List<String> line = new ArrayList<>();
      int lineLength = 0;
      String indent = lines.isEmpty() ? "" : subsequentIndent;
      int room = width - PythonText.length(indent);
      if (!lines.isEmpty() && isBlank(last(chunks))) {
        chunks.remove(chunks.size() - 1);
      }
      while (!chunks.isEmpty()) {
        int l = PythonText.length(last(chunks));
        if (lineLength + l <= room) {
          line.add(chunks.remove(chunks.size() - 1));
          lineLength += l;
        } else {
          break;
        }
      }
      if (!chunks.isEmpty() && PythonText.length(last(chunks)) > room) {
        breakLongWord(chunks, line, lineLength, room);
      }
      if (!line.isEmpty() && isBlank(last(line))) {
        line.remove(line.size() - 1);
      }
      if (!line.isEmpty()) {
        lines.add(indent + String.join("", line));
      }
    }
    return lines;
  }

  private static void breakLongWord(List<String> chunks, List<String> line, int lineLength, int room) {
    int spaceLeft = room < 1 ? 1 : room - lineLength;
    String chunk = last(chunks);
    int end = spaceLeft;
    if (PythonText.length(chunk) > spaceLeft) {
      int hyphen = lastHyphenBefore(chunk, spaceLeft);
      if (hyphen > 0 && hasNonHyphen(chunk, hyphen)) {
        end = hyphen + 1;
      }
    }
    int cut = chunk.offsetByCodePoints(0, Math.min(end, PythonText.length(chunk)));
    line.add(chunk.substring(0, cut));
    chunks.set(chunks.size() - 1, chunk.substring(cut));
  }

  /** {@code chunk.rfind('-', 0, limit)} in code points. */
  private static int lastHyphenBefore(String chunk, int limit) {
    int found = -1;
    int index = 0;
    for (int i = 0; i < chunk.length() && index < limit; index++) {
      int cp = chunk.codePointAt(i);
      if (cp == '-') {
        found = index;
      }
      i += Character.charCount(cp);
    }
    return found;
  }

  private static boolean hasNonHyphen(String chunk, int codePoints) {
    int cut = chunk.offsetByCodePoints(0, codePoints);
    for (int i = 0; i < cut; i++) {
      if (chunk.charAt(i) != '-') {
        return true;
      }
    }
    return false;
  }

  private static String last(List<String> list) {
    return list.get(list.size() - 1);
  }
}
