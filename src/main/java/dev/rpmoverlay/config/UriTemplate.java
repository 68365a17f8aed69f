package dev.rpmoverlay.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** azldev's {@code $name} URI templates, each value escaped like Go's {@code url.PathEscape}. */
final class UriTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(pkg|filename|hashtype|hash)\\b");

  private UriTemplate() {}

  /** @throws IllegalArgumentException if a value itself contains a placeholder (ambiguous) */
  static String substitute(String template, Map<String, String> values) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getValue().indexOf('$') >= 0 && PLACEHOLDER.matcher(e.getValue()).find()) { // a regex per component otherwise
        throw new IllegalArgumentException("ambiguous substitution: value of $" + e.getKey() + " contains a placeholder: " + e.getValue());
      }
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : pathEscape(value)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Go's {@code url.PathEscape}: keeps unreserved characters and {@code $&+:=@}. */
  static String pathEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~$&+:=@".indexOf(c) >= 0;
      if (keep) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }
}
