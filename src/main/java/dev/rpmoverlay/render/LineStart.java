package dev.rpmoverlay.render;

/**
 * Where a line's text starts after regex {@code \s*} ({@code [ \t\n\x0B\f\r]}), and whether a word
 * is there: a cheap test that lets the reference scan skip the many lines an anchored pattern such
 * as {@code ^\s*%(global|define)} or {@code ^\s*(Source|Patch)\d*:} cannot match, without running
 * the pattern. The tests may accept more than the pattern (they never accept less); the pattern
 * still decides.
 */
final class LineStart {
  private LineStart() {}

  /** The index of the first character that is not regex whitespace ({@code line.length()} when none). */
  static int textStart(String line) {
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Whether one of {@code words} (lower-case ASCII) starts at {@code at}, ignoring ASCII case as a
   * CASE_INSENSITIVE pattern does.
   */
  static boolean wordAt(String line, int at, String... words) {
    if (at >= line.length()) {
      return false;
    }
    char first = (char) (line.charAt(at) | 0x20); // ASCII lower case; words are lower-case ASCII
    for (String w : words) {
      if (first == w.charAt(0) && line.regionMatches(true, at, w, 0, w.length())) {
        return true;
      }
    }
    return false;
  }
}
