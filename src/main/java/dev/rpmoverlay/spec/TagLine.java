package dev.rpmoverlay.spec;

import java.util.Locale;

/**
 * A tag line ({@code Name: value}) in the preamble or a {@code %package} section, split so that
 * {@code indent + name + ":" + separator + value + trailing} is the line's text exactly.
 *
 * <p>Recognition is azldev's: the trimmed line matches {@code ^([^\s:]+):\s*(.*?)$}. So
 * {@code Requires(post): x} is tag {@code Requires(post)}, and a line such as
 * <code>%{!?foo: %global foo 1}</code> is a "tag" named <code>%{!?foo</code> (see {@link #hasRpmTagName()}).
 *
 * @param line index of the line in the document
 * @param section index of the section it is in
 * @param pkg the package qualifier of that section ({@code ""} = main)
 * @param indent leading whitespace (under {@link TagRules#RPM}, also a wrapping <code>%{?x:</code>)
 * @param name the tag name as written, e.g. {@code Source0}, {@code BuildRequires}
 * @param separator the whitespace between the colon and the value
 * @param value the value, without surrounding whitespace
 * @param trailing whitespace after the value (and a wrapping expansion's closing brace)
 */
public record TagLine(
    int line,
    int section,
    String pkg,
    String indent,
    String name,
    String separator,
    String value,
    String trailing) {

  /** The line's text, rebuilt from its parts (equal to the document's line text). */
  public String text() {
    return indent + name + ":" + separator + value + trailing;
  }

  /** Whether the name equals {@code other} ignoring case, as azldev compares tag names. */
  public boolean isNamed(String other) {
    return name.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the name looks like a real RPM tag: a letter, then letters and digits, optionally a
   * parenthesised qualifier ({@code Requires(post)}). False for azldev's accidental tags such as
   * <code>%{!?foo</code>.
   */
  public boolean hasRpmTagName() {
    int n = name.length();
    if (n == 0 || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    int i = 1;
    while (i < n && (isAsciiLetter(name.charAt(i)) || isAsciiDigit(name.charAt(i)))) {
      i++;
    }
    return i == n || (name.charAt(i) == '(' && name.charAt(n - 1) == ')');
  }

  /** The text of this line with the value replaced and all other bytes (alignment) kept. */
  public String withValue(String newValue) {
    return indent + name + ":" + separator + newValue + trailing;
  }

  /** A tag line in azldev's canonical form {@code "<name>: <value>"}. */
  public static String format(String name, String value) {
    return name + ": " + value;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
