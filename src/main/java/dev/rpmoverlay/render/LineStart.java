package dev.rpmoverlay.render;

/**
 * The first character of a line after regex {@code \s*} ({@code [ \t\n\x0B\f\r]}): a cheap test
 * that lets the reference scan skip the many lines an anchored pattern such as {@code ^\s*%define}
 * or {@code ^\s*Source\d*:} cannot match, without running the pattern.
 */
final class LineStart {
  private LineStart() {}

  /** The first character that is not regex whitespace, or {@code 0} when there is none. */
  static char firstNonSpace(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
        return c;
      }
    }
    return 0;
  }

  /** Whether {@code c} is one of {@code letters} (ASCII, either case), as a CASE_INSENSITIVE pattern sees it. */
  static boolean startsAnyOf(char c, String lowerLetters) {
    return c < 128 && lowerLetters.indexOf(Character.toLowerCase(c)) >= 0;
  }
}
