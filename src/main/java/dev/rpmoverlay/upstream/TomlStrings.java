package dev.rpmoverlay.upstream;

import java.util.Locale;

/** TOML 1.0 basic strings for the small files this package writes (cache metadata, locks). */
final class TomlStrings {
  private TomlStrings() {}

  /** {@code s} as a quoted TOML basic string, escaping quotes, backslashes and control characters. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (ch < 0x20 || ch == 0x7f) {
            sb.append(String.format(Locale.ROOT, "\\u%04X", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
