package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.DoublestarGlob;
import dev.rpmoverlay.spec.ConditionalBlock;
import dev.rpmoverlay.spec.ConditionalProblem;
import dev.rpmoverlay.spec.Conditionals;
import dev.rpmoverlay.spec.Section;
import dev.rpmoverlay.spec.SpecStructure;
import dev.rpmoverlay.spec.TagLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * azldev's spec edit primitives (docs/azldev-compatibility.md §2.2-2.5) over {@link SpecLines}, which
 * read the spec through its model ({@link SpecStructure}, azldev's line-by-line reading: see {@link
 * SpecLines#parse(byte[])}). Every line an edit writes gets the edit's {@link LineOrigin}. A failed edit throws {@link SpecEditException}
 * saying what was not found; edits never leave a partial change behind except where azldev itself
 * does (none of these primitives do).
 */
final class SpecEditor {
  private final SpecLines spec;
  private final LineOrigin origin;

  SpecEditor(SpecLines spec, LineOrigin origin) {
    this.spec = spec;
    this.origin = origin;
  }

  /** The structure of the current lines; an insert moves it along, any other edit makes a new scan. */
  private SpecStructure structure() {
    return spec.document().structure();
  }

  static String tagLine(String tag, String value) {
    return tag + ": " + value;
  }

  private static String describeSection(String section, String pkg) {
    String s = section.isEmpty() ? "the preamble" : "section " + section;
    return pkg.isEmpty() ? s : s + " of package \"" + pkg + "\"";
  }

  private static String describePackage(String pkg) {
    return pkg.isEmpty() ? "the main package" : "package \"" + pkg + "\"";
  }

  /** The section that holds {@code pkg}'s tags: the preamble, or {@code %package pkg}. */
  private static String tagSection(String pkg) {
    return pkg.isEmpty() ? "" : "%package";
  }

  private List<Section> requireSections(String section, String pkg) throws SpecEditException {
    List<Section> found = structure().sections(section, pkg);
    if (found.isEmpty()) {
      if (section.equals("%package")) {
        throw new SpecEditException("sub-package \"" + pkg + "\" not found (no '%package " + pkg
            + "' or '%package -n " + pkg + "' header; names are matched as written, without macro expansion)");
      }
      throw new SpecEditException(describeSection(section, pkg) + " not found");
    }
    return found;
  }

  /** Inserts {@code lines} before the next section header of every matching section. */
  void appendLines(String section, String pkg, List<String> lines) throws SpecEditException {
    List<Section> found = requireSections(section, pkg);
    for (int i = found.size() - 1; i >= 0; i--) {
      spec.insert(found.get(i).end(), lines, origin);
    }
  }

  /** Inserts {@code lines} at the very end of the file. */
  void appendLinesAtEnd(List<String> lines) {
    spec.insert(spec.size(), lines, origin);
  }

  /**
   * Inserts {@code lines} right after the header of every matching section; the preamble of the
   * main package has no header, so there they go to the top of the file.
   */
  void prependLines(String section, String pkg, List<String> lines) throws SpecEditException {
    if (section.isEmpty() && pkg.isEmpty()) {
      spec.insert(0, lines, origin);
      return;
    }
    List<Section> found = requireSections(section, pkg);
    for (int i = found.size() - 1; i >= 0; i--) {
      spec.insert(found.get(i).bodyStart(), lines, origin);
    }
  }

  /** Appends {@code Tag: value} at the end of the package's tag section; never checks for an existing tag. */
  void addTag(String pkg, String tag, String value) throws SpecEditException {
    appendLines(tagSection(pkg), pkg, List.of(tagLine(tag, value)));
  }

  /**
   * Inserts {@code Tag: value} after the last tag of the same family (trailing digits stripped),
   * else after the last tag, else like {@link #addTag}; moved past the {@code %endif} when that
   * point is inside a conditional that closes within the section.
   */
  void insertTag(String pkg, String tag, String value) throws SpecEditException {
    SpecStructure structure = structure();
    List<Section> sections = structure.sections(tagSection(pkg), pkg);
    if (sections.isEmpty()) {
      requireSections(tagSection(pkg), pkg);
    }
    String family = family(tag);
    int lastFamily = -1;
    int lastAny = -1;
    int sectionEnd = spec.size();
    for (Section s : sections) {
      sectionEnd = s.end();
      // from the section's last tag back to the last of the family: a few tags, not the spec
      TagLine last = structure.lastTag(s, t -> true);
      TagLine lastOfFamily = structure.lastTag(s, t -> family(t.name()).equals(family));
      lastAny = Math.max(lastAny, last == null ? -1 : last.line());
      lastFamily = Math.max(lastFamily, lastOfFamily == null ? -1 : lastOfFamily.line());
    }
    int after = lastFamily >= 0 ? lastFamily : lastAny;
    if (after < 0) {
      addTag(pkg, tag, value);
      return;
    }
    after = skipPastConditional(structure, after, sectionEnd);
    spec.insert(after + 1, List.of(tagLine(tag, value)), origin);
  }

  /**
   * {@code line} (a tag line) when it is outside any conditional; else the {@code %endif} (before
   * {@code sectionEnd}) that brings the depth back to 0, if any. azldev's depth is the sum of +1
   * per {@code %if} and -1 per {@code %endif} up to the line, so each stray {@code %endif} before
   * it lowers the depth by one: the {@code %endif} wanted is then that of the enclosing block
   * whose own depth equals the number of strays.
   */
  private int skipPastConditional(SpecStructure structure, int line, int sectionEnd) {
    Conditionals conditionals = structure.conditionals();
    int strays = 0;
    for (ConditionalProblem p : conditionals.problems()) {
      if (p.kind() == ConditionalProblem.Kind.UNMATCHED_ENDIF && p.line() < line) {
        strays++;
      }
    }
    ConditionalBlock block = conditionals.enclosing(line);
    while (block != null && block.depth() > strays) {
      block = conditionals.block(block.parent());
    }
    if (block == null || block.depth() != strays) {
      return line;
    }
    int end = Math.min(sectionEnd, spec.size());
    return block.endLine() >= 0 && block.endLine() < end ? block.endLine() : line;
  }

  static String family(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    int end = lower.length();
    while (end > 0 && Character.isDigit(lower.charAt(end - 1)) && lower.charAt(end - 1) < 128) {
      end--;
    }
    return end == 0 ? lower : lower.substring(0, end);
  }

  /** Rewrites every {@code tag} line (case-insensitive name) of the package as {@code Tag: value}. */
  void updateTag(String pkg, String tag, String value) throws SpecEditException {
    int updated = 0;
    for (TagLine t : structure().tags(pkg)) {
      if (t.name().equalsIgnoreCase(tag)) {
        spec.set(t.line(), tagLine(tag, value), origin);
        updated++;
      }
    }
    if (updated == 0) {
      throw new SpecEditException("tag \"" + tag + "\" not found in " + describePackage(pkg) + nearestTags(pkg, tag));
    }
  }

  /** Updates the tag where it exists, otherwise adds it. */
  void setTag(String pkg, String tag, String value) throws SpecEditException {
    boolean exists = structure().tags(pkg).stream().anyMatch(t -> t.name().equalsIgnoreCase(tag));
    if (exists) {
      updateTag(pkg, tag, value);
    } else {
      addTag(pkg, tag, value);
    }
  }

  /** Removes every {@code tag} line of the package, only those whose whole value equals {@code value} when given. */
  void removeTag(String pkg, String tag, String value) throws SpecEditException {
    List<TagLine> doomed = new ArrayList<>();
    for (TagLine t : structure().tags(pkg)) {
      if (t.name().equalsIgnoreCase(tag) && (value.isEmpty() || t.value().equalsIgnoreCase(value))) {
        doomed.add(t);
      }
    }
    if (doomed.isEmpty()) {
      throw new SpecEditException("tag \"" + tag + "\"" + (value.isEmpty() ? "" : " with value \"" + value + "\"")
          + " not found in " + describePackage(pkg) + nearestTags(pkg, value.isEmpty() ? tag : tag + " " + value));
    }
    for (int i = doomed.size() - 1; i >= 0; i--) {
      spec.remove(doomed.get(i).line());
    }
  }

  /**
   * Replaces every match of {@code regex} on each body line (never a section header) of the
   * matching sections; {@code section} and {@code pkg} filter only when non-empty.
   */
  void searchReplace(String section, String pkg, Re2 regex, String regexText, String replacement) throws SpecEditException {
    boolean changed = false;
    for (Section s : structure().sections()) {
      if ((!section.isEmpty() && !s.name().equals(section)) || (!pkg.isEmpty() && !s.packageName().equals(pkg))) {
        continue;
      }
      for (int i = s.bodyStart() < 0 ? 0 : s.bodyStart(); i < s.end(); i++) {
        String line = spec.get(i);
        String replaced = regex.replaceAllLiteral(line, replacement);
        if (!replaced.equals(line)) {
          spec.set(i, replaced, origin);
          changed = true;
        }
      }
    }
    if (!changed) {
      String where = section.isEmpty() && pkg.isEmpty() ? "the spec"
          : (section.isEmpty() ? "any section" : "section " + section) + (pkg.isEmpty() ? "" : " of package \"" + pkg + "\"");
      throw new SpecEditException("pattern \"" + regexText + "\" not found in " + where + nearestBodyLines(section, pkg, regexText));
    }
  }

  /** The tag lines of {@code pkg} most like {@code wanted} (a tag name, or {@code Tag value}), as a message suffix. */
  private String nearestTags(String pkg, String wanted) {
    List<NearestLines.Line> lines = new ArrayList<>();
    for (TagLine t : structure().tags(pkg)) {
      lines.add(new NearestLines.Line(t.line(), spec.get(t.line()), wanted.contains(" ") ? t.name() + " " + t.value() : t.name()));
    }
    return NearestLines.suffix(wanted, lines);
  }

  /** The body lines a search-replace looked at most like the regex's literal text, as a message suffix. */
  private String nearestBodyLines(String section, String pkg, String regexText) {
    List<NearestLines.Line> lines = new ArrayList<>();
    for (Section s : structure().sections()) {
      if ((section.isEmpty() || s.name().equals(section)) && (pkg.isEmpty() || s.packageName().equals(pkg))) {
        for (int i = s.bodyStart() < 0 ? 0 : s.bodyStart(); i < s.end(); i++) {
          lines.add(new NearestLines.Line(i, spec.get(i)));
        }
      }
    }
    return NearestLines.suffix(NearestLines.literalOf(regexText), lines);
  }

  /** Removes every matching section, header through the line before the next header. */
  void removeSection(String section, String pkg, boolean balance) throws SpecEditException {
    if (section.isEmpty()) {
      throw new SpecEditException("the preamble cannot be removed (section must name a section such as %files)");
    }
    removeRanges(requireSections(section, pkg), balance);
  }

  /** Removes every section qualified with {@code pkg} ({@code %package}, {@code %description}, {@code %files}, scriptlets, ...). */
  void removeSubpackage(String pkg, boolean balance) throws SpecEditException {
    if (pkg.isEmpty()) {
      throw new SpecEditException("package must name a sub-package");
    }
    List<Section> found = structure().sections().stream().filter(s -> !s.isPreamble() && s.packageName().equals(pkg)).toList();
    if (found.isEmpty()) {
      throw new SpecEditException("sub-package \"" + pkg + "\" not found (no section header qualified with '" + pkg
          + "' or '-n " + pkg + "')");
    }
    removeRanges(found, balance);
  }

  private void removeRanges(List<Section> sections, boolean balance) throws SpecEditException {
    int[] ends = new int[sections.size()];
    ConditionalBalance pairs = balance ? ConditionalBalance.of(structure()) : null;
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      ends[i] = balance ? pairs.balancedEnd(s.headerLine(), s.end(), spec.lines()) : s.end();
    }
    for (int i = sections.size() - 1; i >= 0; i--) {
      spec.removeRange(sections.get(i).headerLine(), ends[i]);
    }
  }

  /** Registers a patch: appended to {@code %patchlist} when the spec has one, else {@code Patch<highest+1>}. */
  void addPatch(String pkg, String fileName) throws SpecEditException {
    SpecStructure structure = structure();
    if (structure.sections().stream().anyMatch(s -> s.name().equals("%patchlist"))) {
      appendLines("%patchlist", "", List.of(fileName));
      return;
    }
    addTag(pkg, "Patch" + (highestPatchNumber(structure) + 1), fileName);
  }

  /** The highest {@code PatchN} over all packages; {@code k} bare {@code Patch:} tags count as 0..k-1; -1 when none. */
  static int highestPatchNumber(SpecStructure structure) {
    int highest = -1;
    int unnumbered = 0;
    for (TagLine t : structure.tags()) {
      int n = patchNumber(t.name());
      if (n > highest) {
        highest = n;
      } else if (n < 0 && t.name().equalsIgnoreCase("patch")) {
        unnumbered++;
      }
    }
    return Math.max(highest, unnumbered - 1);
  }

  /** N for a {@code PatchN} tag (any case), -1 for anything else (including {@code Patch%{n}}). */
  static int patchNumber(String tag) {
    if (tag.length() <= 5 || !tag.substring(0, 5).equalsIgnoreCase("patch")) {
      return -1;
    }
    String digits = tag.substring(5);
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Removes {@code PatchN} tags (all packages) whose value matches {@code glob}, and
   * {@code %patchlist} entries whose trimmed text matches; returns how many were removed.
   */
  int removePatches(DoublestarGlob glob) {
    SpecStructure structure = structure();
    List<Integer> doomed = new ArrayList<>();
    for (TagLine t : structure.tags()) {
      if (patchNumber(t.name()) >= 0 && glob.matches(t.value())) {
        doomed.add(t.line());
      }
    }
    for (Section s : structure.sections()) {
      if (s.name().equals("%patchlist")) {
        for (int i = s.bodyStart(); i < s.end(); i++) {
          String entry = spec.get(i).strip();
          if (!entry.isEmpty() && glob.matches(entry)) {
            doomed.add(i);
          }
        }
      }
    }
    doomed.sort(null);
    for (int i = doomed.size() - 1; i >= 0; i--) {
      spec.remove(doomed.get(i));
    }
    return doomed.size();
  }
}
