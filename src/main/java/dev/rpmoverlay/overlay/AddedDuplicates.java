package dev.rpmoverlay.overlay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines an overlay added that were already there: the same tag and value, or the same text, in
 * the same section of the same package before the overlay ran. Upstream sometimes adopts a
 * downstream change (a {@code BuildRequires} it lacked); the overlay then adds a second copy.
 * Blank lines, comments and conditional keywords repeat legitimately and are never reported.
 */
public final class AddedDuplicates {
  private static final Pattern TAG = Pattern.compile("^\\s*([^\\s:]+):\\s*(.*?)\\s*$");
  private static final Pattern CONDITIONAL = Pattern.compile("^%(if|ifarch|ifnarch|ifos|ifnos|else|elif|elifarch|elifos|endif)\\b.*");

  private AddedDuplicates() {}

  /**
   * @param before the spec lines before the overlay ran
   * @param after the spec after it
   * @param overlayIndex the overlay's 0-based index: lines of {@code after} it wrote are checked
   * @return 0-based indexes in {@code after} of added lines that duplicate a line of {@code before}
   */
  public static List<Integer> of(List<String> before, SpecLines after, int overlayIndex) {
    SpecLayout old = SpecLayout.scan(before);
    Set<String> existing = new HashSet<>();
    for (int i = 0; i < before.size(); i++) {
      key(old, before, i).ifPresent(existing::add);
    }
    List<String> lines = after.lines();
    SpecLayout now = SpecLayout.scan(lines);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (after.origin(i) instanceof LineOrigin.ByOverlay o && o.index() == overlayIndex) {
        int line = i;
        key(now, lines, i).filter(existing::contains).ifPresent(k -> out.add(line));
      }
    }
    return out;
  }

  /** Section, package and the line's normalized text; empty for lines that may repeat. */
  private static java.util.Optional<String> key(SpecLayout layout, List<String> lines, int i) {
    String line = lines.get(i);
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#") || CONDITIONAL.matcher(trimmed).matches() || SpecLayout.isHeader(line)) {
      return java.util.Optional.empty();
    }
    SpecLayout.Section s = layout.sectionAt(i);
    String text = trimmed.replaceAll("\\s+", " ");
    if (s.holdsTags()) {
      Matcher m = TAG.matcher(trimmed);
      if (m.matches()) {
        text = m.group(1).toLowerCase(Locale.ROOT) + ": " + m.group(2).replaceAll("\\s+", " ");
      }
    }
    return java.util.Optional.of(s.name() + "\u0000" + s.pkg() + "\u0000" + text);
  }
}
