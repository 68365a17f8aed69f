package dev.rpmoverlay.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * azldev's view of a spec's structure (docs/azldev-compatibility.md §2.3, 3): which lines start sections,
 * each section's name as written and package qualifier, and which lines are tags. Macros are not
 * expanded, conditionals are not evaluated, and a line starting with {@code #} at column 0 is never
 * a header or a tag. A layout is a snapshot: edit the lines, then scan again.
 */
final class SpecLayout {
  private static final Set<String> PACKAGE_LESS = Set.of("%changelog", "%patchlist", "%sourcelist");
  private static final Set<String> FLAGS_WITH_ARGUMENT = Set.of("-f", "-p", "-l", "-P");
  private static final Pattern TAG = Pattern.compile("^\\s*([^\\s:]+):\\s*(.*?)\\s*$");

  /**
   * One section: {@code header} is the header line index (-1 for the preamble), {@code end} the
   * index of the next header (or the line count). The range {@code [header, end)} includes trailing
   * blank lines and comments before the next header.
   */
  record Section(String name, String pkg, int header, int end) {
    boolean isPreamble() {
      return header < 0;
    }

    /** Tags are recognised only in the preamble and in {@code %package} sections. */
    boolean holdsTags() {
      return isPreamble() || name.toLowerCase(Locale.ROOT).equals("%package");
    }

    int bodyStart() {
      return header + 1;
    }
  }

  /** A tag line: {@code Tag: value} with the value trimmed. */
  record TagLine(int line, String tag, String value) {}

  private final List<Section> sections;
  private final List<TagLine> tags;

  private SpecLayout(List<Section> sections, List<TagLine> tags) {
    this.sections = sections;
    this.tags = tags;
  }

  static SpecLayout scan(List<String> lines) {
    List<Section> sections = new ArrayList<>();
    List<TagLine> tags = new ArrayList<>();
    String name = "";
    String pkg = "";
    int header = -1;
    boolean holdsTags = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        continue;
      }
      String trimmed = line.strip();
      Optional<String[]> header0 = headerOf(trimmed);
      if (header0.isPresent()) {
        sections.add(new Section(name, pkg, header, i));
        String[] fields = header0.get();
        name = fields[0];
        pkg = packageQualifier(fields);
        header = i;
        holdsTags = name.toLowerCase(Locale.ROOT).equals("%package");
        continue;
      }
      if (holdsTags) {
        Matcher m = TAG.matcher(trimmed);
        if (m.matches()) {
          tags.add(new TagLine(i, m.group(1), m.group(2)));
        }
      }
    }
    sections.add(new Section(name, pkg, header, lines.size()));
    return new SpecLayout(List.copyOf(sections), List.copyOf(tags));
  }

  /** The whitespace-separated fields of a section header line, or empty when it is no header. */
  static Optional<String[]> headerOf(String trimmed) {
    if (trimmed.isEmpty() || trimmed.charAt(0) != '%') {
      return Optional.empty();
    }
    // Look at the first token before splitting the whole line: most '%' lines are no headers, and
    // splitting every one of them dominated the layout scan on large specs.
    int end = 1;
    while (end < trimmed.length() && " \t\n\u000B\f\r".indexOf(trimmed.charAt(end)) < 0) {
      end++;
    }
    if (!SectionKeywords.isSectionKeyword(trimmed.substring(0, end))) {
      return Optional.empty();
    }
    return Optional.of(trimmed.split("\\s+"));
  }

  static boolean isHeader(String line) {
    return !line.startsWith("#") && headerOf(line.strip()).isPresent();
  }

  /**
   * The package a header addresses: {@code -n X} (absolute) wins over the first bare token
   * (suffix); {@code -f -p -l -P} take an argument; {@code --} ends the options (trigger
   * conditions follow).
   */
  static String packageQualifier(String[] fields) {
    if (PACKAGE_LESS.contains(fields[0].toLowerCase(Locale.ROOT))) {
      return "";
    }
    String absolute = null;
    String suffix = null;
    for (int i = 1; i < fields.length; i++) {
      String f = fields[i];
      if (f.equals("--")) {
        break;
      } else if (f.equals("-n")) {
        if (i + 1 < fields.length) {
          absolute = fields[++i];
        }
      } else if (FLAGS_WITH_ARGUMENT.contains(f)) {
        i++;
      } else if (f.startsWith("-")) {
        continue;
      } else if (suffix == null) {
        suffix = f;
      }
    }
    if (absolute != null) {
      return absolute;
    }
    return suffix == null ? "" : suffix;
  }

  List<Section> sections() {
    return sections;
  }

  Section preamble() {
    return sections.get(0);
  }

  /** Sections whose name (exact, as written) and package equal the given ones. */
  List<Section> sections(String name, String pkg) {
    return sections.stream().filter(s -> s.name().equals(name) && s.pkg().equals(pkg)).toList();
  }

  List<TagLine> tags() {
    return tags;
  }

  /** The section that contains line {@code i}. */
  Section sectionAt(int i) {
    // Sections are in line order, so binary search for the last one starting at or before i; a
    // linear scan here made tagsOf quadratic (tags x sections: minutes on a 2 MB spec).
    int lo = 0;
    int hi = sections.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (sections.get(mid).header() <= i) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    for (int k = lo; k >= 0; k--) {
      Section s = sections.get(k);
      if (s.header() <= i && i < s.end()) {
        return s;
      }
    }
    return sections.get(0);
  }

  /** Tags of package {@code pkg}: in the preamble when empty, else in {@code %package} sections qualified {@code pkg}. */
  List<TagLine> tagsOf(String pkg) {
    List<TagLine> out = new ArrayList<>();
    for (TagLine t : tags) {
      if (sectionAt(t.line()).pkg().equals(pkg)) {
        out.add(t);
      }
    }
    return out;
  }
}
