package dev.rpmoverlay.spec;

/**
 * Whitespace as azldev's Go code sees it: {@code strings.TrimSpace}/{@code strings.Fields} use
 * {@code unicode.IsSpace}, while RE2's {@code \s} is only {@code [\t\n\f\r ]}. In a document that
 * was not valid UTF-8, Go sees the bytes 0x85 and 0xA0 as invalid runes, not as spaces.
 */
final class GoWhitespace {
  private GoWhitespace() {}

  static boolean isSpace(char c, boolean latin1) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    if (c < 0x85 || latin1) {
      return false;
    }
    return c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** RE2's {@code \s}. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  static int skipSpace(String s, int from, int to, boolean latin1) {
    int i = from;
    while (i < to && isSpace(s.charAt(i), latin1)) {
      i++;
    }
    return i;
  }

  static int skipNonSpace(String s, int from, int to, boolean latin1) {
    int i = from;
    while (i < to && !isSpace(s.charAt(i), latin1)) {
      i++;
    }
    return i;
  }

  static int trimEnd(String s, int from, int to, boolean latin1) {
    int i = to;
    while (i > from && isSpace(s.charAt(i - 1), latin1)) {
      i--;
    }
    return i;
  }
}
