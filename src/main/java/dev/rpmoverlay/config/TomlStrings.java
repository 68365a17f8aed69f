package dev.rpmoverlay.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** TOML 1.0 strings and keys for every TOML file rpmoverlay writes (config dumps, cache metadata, locks, scaffolds). */
public final class TomlStrings {
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

  private TomlStrings() {}

  /**
   * {@code k} as a TOML key: bare when TOML allows it, quoted otherwise ({@code python3.12} must be
   * quoted, or the dot would make it a nested table).
   */
  public static String key(String k) {
    return BARE.matcher(k).matches() ? k : quote(k);
  }

  /** {@code s} as a quoted TOML basic string, escaping quotes, backslashes and control characters. */
  public static String quote(String s) {
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
