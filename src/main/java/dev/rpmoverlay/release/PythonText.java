package dev.rpmoverlay.release;

/**
 * The few Python string operations rpmautospec's output depends on, with Python's exact
 * definitions: {@code str.isspace}/{@code str.strip} (which differ from Java's whitespace) and
 * {@code str.expandtabs}. Lengths are in code points, as Python counts them. (A spec's lines as
 * Python reads them are the spec model's {@code UniversalNewlineLines}.)
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace} for one code point. */
  static boolean isSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0d)
        || (cp >= 0x1c && cp <= 0x20)
        || cp == 0x85
        || cp == 0xa0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200a)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202f
        || cp == 0x205f
        || cp == 0x3000;
  }

  static String strip(String s) {
    return rstrip(lstrip(s));
  }

  static String lstrip(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Python's {@code str.expandtabs(tabsize)}: columns restart after {@code \n} and {@code \r}. */
  static String expandTabs(String s, int tabsize) {
    if (s.indexOf('\t') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    int column = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\t') {
        int spaces = tabsize - (column % tabsize);
        out.append(" ".repeat(spaces));
        column += spaces;
      } else {
        out.appendCodePoint(cp);
        column = (cp == '\n' || cp == '\r') ? 0 : column + 1;
      }
    }
    return out.toString();
  }
}
