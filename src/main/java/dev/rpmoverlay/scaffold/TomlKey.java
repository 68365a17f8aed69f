package dev.rpmoverlay.scaffold;

import java.util.regex.Pattern;

/** Writes a component name as a TOML key: bare when TOML allows it, quoted otherwise. */
final class TomlKey {
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

  private TomlKey() {}

  /**
   * {@code curl} stays {@code curl}; {@code python3.12} becomes {@code "python3.12"} (unquoted, the
   * dot would make it a nested table).
   */
  static String of(String name) {
    if (BARE.matcher(name).matches()) {
      return name;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : name.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
