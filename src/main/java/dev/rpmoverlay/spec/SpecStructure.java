package dev.rpmoverlay.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a document's lines mean: sections, sub-packages, tags, macro definitions and conditionals.
 * A snapshot: line indices refer to the document as it was when the structure was computed, and
 * any edit to the document makes it compute a new one.
 */
public final class SpecStructure {
  private final int lineCount;
  private final List<Section> sections;
  private final List<TagLine> tags;
  private final List<MacroDefinition> macros;
  private final List<IncludeDirective> includes;
  private final Conditionals conditionals;
  private final byte[] kinds;

  SpecStructure(
      int lineCount,
      List<Section> sections,
      List<TagLine> tags,
      List<MacroDefinition> macros,
      List<IncludeDirective> includes,
      Conditionals conditionals,
      byte[] kinds) {
    this.lineCount = lineCount;
    this.sections = List.copyOf(sections);
    this.tags = List.copyOf(tags);
    this.macros = List.copyOf(macros);
    this.includes = List.copyOf(includes);
    this.conditionals = conditionals;
    this.kinds = kinds;
  }

  /** All sections in file order; the preamble first (always present, possibly empty). */
  public List<Section> sections() {
    return sections;
  }

  public Section preamble() {
    return sections.get(0);
  }

  /** Every section {@code (name, package)} exactly: case-sensitive name, {@code ""} = main. */
  public List<Section> sections(String name, String packageName) {
    List<Section> result = new ArrayList<>(2);
    for (Section s : sections) {
      if (s.is(name, packageName)) {
        result.add(s);
      }
    }
    return result;
  }

  /** Every section that belongs to package {@code packageName} ({@code ""} = main), preamble included. */
  public List<Section> sectionsOfPackage(String packageName) {
    List<Section> result = new ArrayList<>();
    for (Section s : sections) {
      if (s.packageName().equals(packageName)) {
        result.add(s);
      }
    }
    return result;
  }

  /** The section containing line {@code line} (its header or body). */
  public Section sectionAt(int line) {
    int lo = 1;
    int hi = sections.size() - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sections.get(mid).headerLine() <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return sections.get(found);
  }

  /** The sub-packages: one per {@code %package} section, in file order. */
  public List<Section> subPackages() {
    List<Section> result = new ArrayList<>();
    for (Section s : sections) {
      if (!s.isPreamble() && s.type() == SectionType.PACKAGE) {
        result.add(s);
      }
    }
    return result;
  }

  /** All tag lines, in file order. */
  public List<TagLine> tags() {
    return tags;
  }

  /** The tag lines of one package ({@code ""} = main: the preamble and any {@code %package} without qualifier). */
  public List<TagLine> tags(String packageName) {
    return tags(packageName, t -> true);
  }

  /** The tag lines of one package named {@code name}, compared case-insensitively. */
  public List<TagLine> tagsNamed(String packageName, String name) {
    return tags(packageName, t -> t.isNamed(name));
  }

  public List<TagLine> tags(String packageName, Predicate<TagLine> filter) {
    List<TagLine> result = new ArrayList<>();
    for (TagLine t : tags) {
      if (t.pkg().equals(packageName) && filter.test(t)) {
        result.add(t);
      }
    }
    return result;
  }

  /** The last tag line of a package that satisfies {@code filter}, or null. */
  public TagLine lastTag(String packageName, Predicate<TagLine> filter) {
    for (int i = tags.size() - 1; i >= 0; i--) {
      TagLine t = tags.get(i);
      if (t.pkg().equals(packageName) && filter.test(t)) {
        return t;
      }
    }
    return null;
  }

  /** The tag on line {@code line}, or null. */
  public TagLine tagAt(int line) {
    int lo = 0;
    int hi = tags.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int l = tags.get(mid).line();
      if (l == line) {
        return tags.get(mid);
      }
      if (l < line) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  /** {@code %define}/{@code %global} definitions, in file order. */
  public List<MacroDefinition> macros() {
    return macros;
  }

  /** The last definition of macro {@code name}, or null. */
  public MacroDefinition macro(String name) {
    for (int i = macros.size() - 1; i >= 0; i--) {
      if (macros.get(i).name().equals(name)) {
        return macros.get(i);
      }
    }
    return null;
  }

  /** The {@code %include} lines in file order; read only under {@link TagRules#RPM} (else empty). */
  public List<IncludeDirective> includes() {
    return includes;
  }

  public Conditionals conditionals() {
    return conditionals;
  }

  public LineKind kind(int line) {
    return StructureScanner.kind(kinds, line);
  }

  public boolean isHeader(int line) {
    return kind(line) == LineKind.HEADER;
  }

  public int lineCount() {
    return lineCount;
  }
}
