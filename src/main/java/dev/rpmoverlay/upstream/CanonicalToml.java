package dev.rpmoverlay.upstream;

/**
 * Values of {@code key = value} lines as rpmoverlay writes them ({@link dev.rpmoverlay.config.TomlStrings}),
 * for the readers that skip the general TOML parser on files rpmoverlay wrote itself
 * ({@link CanonicalMetadataText}, {@link CanonicalLockText}). Both accept what they read only when
 * writing it back gives the file's text exactly, so these helpers may be lenient: anything they
 * misread fails that check and goes to the full parser.
 *
 * <p>Every method throws {@link IllegalArgumentException} when the line is not of the expected form.
 */
final class CanonicalToml {
  private CanonicalToml() {}

  /** The key of a {@code key = ...} line. */
  static String key(String line) {
    int eq = line.indexOf(" = ");
    if (eq <= 0) {
      throw new IllegalArgumentException("not canonical");
    }
    return line.substring(0, eq);
  }

  /** The integer value of a {@code key = 123} line. */
  static long integer(String line, String key) {
    return Long.parseLong(rest(line, key));
  }

  /** The string value of a {@code key = "..."} line. */
  static String string(String line, String key) {
    String quoted = rest(line, key);
    if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
      throw new IllegalArgumentException("not canonical");
    }
    String s = quoted.substring(1, quoted.length() - 1);
    return s.indexOf('\\') < 0 ? s : unescape(s);
  }

  private static String rest(String line, String key) {
    if (!line.startsWith(key) || !line.startsWith(" = ", key.length())) {
      throw new IllegalArgumentException("not canonical");
    }
    return line.substring(key.length() + 3);
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= s.length()) {
        throw new IllegalArgumentException("not canonical");
      }
      switch (s.charAt(i)) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'u' -> {
          if (i + 4 >= s.length()) {
            throw new IllegalArgumentException("not canonical");
          }
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("not canonical");
      }
    }
    return sb.toString();
  }
}
