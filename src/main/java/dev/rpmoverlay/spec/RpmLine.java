package dev.rpmoverlay.spec;

/**
 * One logical line of {@link RpmLines}, the way rpm's parser looks at it before evaluating it.
 *
 * @param text the logical line, stripped: its physical lines joined with {@code \n}, the
 *     backslash that continued a line dropped
 * @param keyword {@code %} and the word that starts {@code text} (letters, digits, {@code _}) as
 *     written, or null when {@code text} does not start with {@code %}
 * @param argument what follows the keyword, stripped; empty for a line without keyword
 */
public record RpmLine(String text, String keyword, String argument) {

  static RpmLine of(String line) {
    String text = line.strip();
    if (!text.startsWith("%")) {
      return new RpmLine(text, null, "");
    }
    int end = 1;
    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    return new RpmLine(text, text.substring(0, end), text.substring(end).strip());
  }

  /** The conditional directive this line is in rpm's set, or null. */
  public ConditionalDirective conditional() {
    return keyword == null ? null : ConditionalDirective.of(keyword, SectionHeader.Keywords.RPM);
  }

  /** Whether rpm starts a section here ({@link SectionHeader.Keywords#RPM}). */
  public boolean startsSection() {
    return keyword != null && SectionHeader.isKeyword(keyword, SectionHeader.Keywords.RPM);
  }
}
