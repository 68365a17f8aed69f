package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.DoublestarGlob;
import dev.rpmoverlay.overlay.SpecLayout.Section;
import dev.rpmoverlay.overlay.SpecLayout.TagLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * azldev's spec edit primitives (docs/azldev-compatibility.md §2.2-2.5) over {@link SpecLines}. Every line an
 * edit writes gets the edit's {@link LineOrigin}. A failed edit throws {@link SpecEditException}
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

  private SpecLayout layout() {
    return spec.layout();
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
    List<Section> found = layout().sections(section, pkg);
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
    SpecLayout layout = layout();
    List<Section> sections = layout.sections(tagSection(pkg), pkg);
    if (sections.isEmpty()) {
      requireSections(tagSection(pkg), pkg);
    }
    String family = family(tag);
    int lastFamily = -1;
    int lastAny = -1;
    int sectionEnd = spec.size();
    List<Section> all = layout.sections();
    for (int si = 0; si < all.size(); si++) {
      Section s = all.get(si);
      if (!s.name().equals(tagSection(pkg)) || !s.pkg().equals(pkg)) {
        continue;
      }
      sectionEnd = s.end();
      // from the section's last tag back to the last of the family: a few tags, not the spec
      List<TagLine> tags = layout.sectionTags(si);
      if (!tags.isEmpty()) {
        lastAny = Math.max(lastAny, s.header() + tags.get(tags.size() - 1).line());
      }
      for (int i = tags.size() - 1; i >= 0; i--) {
        if (family(tags.get(i).tag()).equals(family)) {
          lastFamily = Math.max(lastFamily, s.header() + tags.get(i).line());
          break;
        }
      }
    }
    int after = lastFamily >= 0 ? lastFamily : lastAny;
    if (after < 0) {
      addTag(pkg, tag, value);
      return;
    }
    after = skipPastConditional(layout, after, sectionEnd);
    spec.insert(after + 1, List.of(tagLine(tag, value)), origin);
  }

  /**
   * {@code line} when it is outside any conditional; else the {@code %endif} (before {@code
   * sectionEnd}) that brings the depth back to 0, if any. Reads only the conditional lines.
   */
  private int skipPastConditional(SpecLayout layout, int line, int sectionEnd) {
    List<SpecLayout.Conditional> conditionals = layout.conditionals(spec.lines());
    int depth = 0;
    int next = 0;
    while (next < conditionals.size() && conditionals.get(next).line() <= line) {
      depth += conditionals.get(next).change();
      next++;
    }
    if (depth <= 0) {
      return line;
    }
    int end = Math.min(sectionEnd, spec.size());
    for (; next < conditionals.size() && conditionals.get(next).line() < end; next++) {
      depth += conditionals.get(next).change();
      if (depth <= 0) {
        return conditionals.get(next).line();
      }
    }
    return line;
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
    for (TagLine t : layout().tagsOf(pkg)) {
      if (t.tag().equalsIgnoreCase(tag)) {
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
    boolean exists = layout().tagsOf(pkg).stream().anyMatch(t -> t.tag().equalsIgnoreCase(tag));
    if (exists) {
      updateTag(pkg, tag, value);
    } else {
      addTag(pkg, tag, value);
    }
  }

  /** Removes every {@code tag} line of the package, only those whose whole value equals {@code value} when given. */
  void removeTag(String pkg, String tag, String value) throws SpecEditException {
    List<TagLine> doomed = new ArrayList<>();
    for (TagLine t : layout().tagsOf(pkg)) {
      if (t.tag().equalsIgnoreCase(tag) && (value.isEmpty() || t.value().equalsIgnoreCase(value))) {
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
    for (Section s : layout().sections()) {
      if ((!section.isEmpty() && !s.name().equals(section)) || (!pkg.isEmpty() && !s.pkg().equals(pkg))) {
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
    for (TagLine t : layout().tagsOf(pkg)) {
      lines.add(new NearestLines.Line(t.line(), spec.get(t.line()), wanted.contains(" ") ? t.tag() + " " + t.value() : t.tag()));
    }
    return NearestLines.suffix(wanted, lines);
  }

  /** The body lines a search-replace looked at most like the regex's literal text, as a message suffix. */
  private String nearestBodyLines(String section, String pkg, String regexText) {
    List<NearestLines.Line> lines = new ArrayList<>();
    for (Section s : layout().sections()) {
      if ((section.isEmpty() || s.name().equals(section)) && (pkg.isEmpty() || s.pkg().equals(pkg))) {
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
    List<Section> found = layout().sections().stream().filter(s -> !s.isPreamble() && s.pkg().equals(pkg)).toList();
    if (found.isEmpty()) {
      throw new SpecEditException("sub-package \"" + pkg + "\" not found (no section header qualified with '" + pkg
          + "' or '-n " + pkg + "')");
    }
    removeRanges(found, balance);
  }

  private void removeRanges(List<Section> sections, boolean balance) throws SpecEditException {
    int[] ends = new int[sections.size()];
    List<ConditionalBalance.Pair> pairs = balance ? ConditionalBalance.pairs(spec.lines()) : List.of();
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      ends[i] = balance ? ConditionalBalance.balancedEnd(s.header(), s.end(), spec.lines(), pairs) : s.end();
    }
    for (int i = sections.size() - 1; i >= 0; i--) {
      spec.removeRange(sections.get(i).header(), ends[i]);
    }
  }

  /** Registers a patch: appended to {@code %patchlist} when the spec has one, else {@code Patch<highest+1>}. */
  void addPatch(String pkg, String fileName) throws SpecEditException {
    SpecLayout layout = layout();
    if (layout.sections().stream().anyMatch(s -> s.name().equals("%patchlist"))) {
      appendLines("%patchlist", "", List.of(fileName));
      return;
    }
    addTag(pkg, "Patch" + (highestPatchNumber(layout) + 1), fileName);
  }

  /** The highest {@code PatchN} over all packages; {@code k} bare {@code Patch:} tags count as 0..k-1; -1 when none. */
  static int highestPatchNumber(SpecLayout layout) {
    int highest = -1;
    int unnumbered = 0;
    for (TagLine t : layout.tags()) {
      int n = patchNumber(t.tag());
      if (n > highest) {
        highest = n;
      } else if (n < 0 && t.tag().equalsIgnoreCase("patch")) {
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
    SpecLayout layout = layout();
    List<Integer> doomed = new ArrayList<>();
    for (TagLine t : layout.tags()) {
      if (patchNumber(t.tag()) >= 0 && glob.matches(t.value())) {
        doomed.add(t.line());
      }
    }
    for (Section s : layout.sections()) {
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
