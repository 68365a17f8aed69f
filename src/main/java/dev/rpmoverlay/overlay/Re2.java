package dev.rpmoverlay.overlay;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.rpmoverlay.config.BoundedRegex;

/**
 * Regexes with Go RE2 rules (RE2/J): no look-around or backreferences, and an unescaped {@code {}
 * that is not a valid repetition is a literal (AZL patterns such as {@code cp -a %{SOURCE1} .}
 * rely on it). Replacements are literal, like Go's {@code ReplaceAllLiteralString}.
 */
final class Re2 {
  private final Pattern pattern;

  private Re2(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Compiles {@code regex}; a syntax error or a regex over {@link BoundedRegex}'s bounds becomes an {@link IllegalArgumentException} saying which. */
  static Re2 compile(String regex) {
    return new Re2(BoundedRegex.compile(regex));
  }

  /** Replaces every match with {@code replacement} taken literally. */
  String replaceAllLiteral(String input, String replacement) {
    Matcher m = pattern.matcher(input);
    if (!m.find()) {
      return input;
    }
    return pattern.matcher(input).replaceAll(Matcher.quoteReplacement(replacement));
  }

  boolean find(String input) {
    return pattern.matcher(input).find();
  }
}
