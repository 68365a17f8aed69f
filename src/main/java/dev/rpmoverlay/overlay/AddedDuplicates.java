package dev.rpmoverlay.overlay;

import dev.rpmoverlay.spec.LineKind;
import dev.rpmoverlay.spec.Section;
import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.spec.SpecStructure;
import dev.rpmoverlay.spec.TagLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lines an overlay added that were already there: the same tag and value, or the same text, in
 * the same section of the same package before the overlay ran. Upstream sometimes adopts a
 * downstream change (a {@code BuildRequires} it lacked); the overlay then adds a second copy.
 * Blank lines, comments, headers and conditional keywords repeat legitimately and are never
 * reported. Sections, tags and conditionals are the spec model's ({@link SpecStructure}).
 */
public final class AddedDuplicates {
  /** Compiled once: {@code String.replaceAll} compiled it for every line of the spec. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private AddedDuplicates() {}

  /**
   * @param before the spec lines before the overlay ran
   * @param after the spec after it
   * @param overlayIndex the overlay's 0-based index: lines of {@code after} it wrote are checked
   * @return 0-based indexes in {@code after} of added lines that duplicate a line of {@code before}
   */
  public static List<Integer> of(List<String> before, SpecLines after, int overlayIndex) {
    List<Integer> added = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      if (after.origin(i) instanceof LineOrigin.ByOverlay o && o.index() == overlayIndex) {
        added.add(i);
      }
    }
    if (added.isEmpty()) {
      return List.of(); // nothing written by this overlay: no need to read the spec before it
    }
    SpecDocument previous = SpecDocument.parse("");
    previous.useOpaqueMacroBodies(after.document().opaqueMacroBodies()); // the same reading on both sides
    previous.insertLines(0, before, 0); // one line per entry, as in `after`, even where a text holds a newline
    SpecStructure old = previous.structure();
    Set<String> existing = new HashSet<>();
    for (int i = 0; i < before.size(); i++) {
      key(old, before.get(i), i).ifPresent(existing::add);
    }
    SpecStructure now = after.document().structure();
    List<Integer> out = new ArrayList<>();
    for (int line : added) {
      key(now, after.get(line), line).filter(existing::contains).ifPresent(k -> out.add(line));
    }
    return out;
  }

  /** Section, package and the line's normalized text; empty for lines that may repeat. */
  private static Optional<String> key(SpecStructure structure, String line, int i) {
    String trimmed = line.strip();
    LineKind kind = structure.kind(i);
    if (trimmed.isEmpty() || trimmed.startsWith("#") || kind == LineKind.CONDITIONAL || kind == LineKind.HEADER) {
      return Optional.empty();
    }
    Section s = structure.sectionAt(i);
    TagLine tag = structure.tagAt(i);
    String text = tag != null
        ? tag.name().toLowerCase(Locale.ROOT) + ": " + WHITESPACE.matcher(tag.value()).replaceAll(" ")
        : WHITESPACE.matcher(trimmed).replaceAll(" ");
    return Optional.of(s.name() + "\u0000" + s.packageName() + "\u0000" + text);
  }
}
