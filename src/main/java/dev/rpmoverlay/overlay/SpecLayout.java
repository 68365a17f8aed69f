package dev.rpmoverlay.overlay;

import dev.rpmoverlay.spec.SectionHeader;
import dev.rpmoverlay.spec.SectionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * azldev's view of a spec's structure (docs/azldev-compatibility.md §2.3, 3): which lines start sections,
 * each section's name as written and package qualifier (both read by the spec model's {@link
 * SectionHeader}, azldev HEAD's rules), and which lines are tags. Macros are not
 * expanded, conditionals are not evaluated, and a line starting with {@code #} at column 0 is never
 * a header or a tag. A layout from {@link #scan} is a snapshot: edit the lines, then scan again.
 * {@link SpecLines#layout()} keeps one up to date instead: {@link #linesInserted} moves it past an
 * insert at the cost of the change (issue 18 item 10: rescanning per overlay made thousands of tag
 * overlays quadratic), so a caller must not hold that layout across its own edits.
 */
final class SpecLayout {
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

  /** A line whose conditional depth change ({@link ConditionalBalance#depthChange}) is not 0. */
  record Conditional(int line, int change) {}

  private final List<Section> sections;
  /**
   * Per section (same index), its tags with {@code line} counted from the section's header, so an
   * insert moves only the tags after it in its own section.
   */
  private final List<ArrayList<TagLine>> sectionTags;
  /** All tags with absolute lines; rebuilt on demand after an insert. */
  private List<TagLine> tags;
  /** Computed on first use by {@link #conditionals(List)}; null until then. */
  private ArrayList<Conditional> conditionals;

  private SpecLayout(List<Section> sections, List<ArrayList<TagLine>> sectionTags, List<TagLine> tags) {
    this.sections = sections;
    this.sectionTags = sectionTags;
    this.tags = tags;
  }

  static SpecLayout scan(List<String> lines) {
    List<Section> sections = new ArrayList<>();
    List<ArrayList<TagLine>> sectionTags = new ArrayList<>();
    ArrayList<TagLine> current = new ArrayList<>();
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
      SectionHeader parsed = SectionHeader.parse(line);
      if (parsed != null) {
        sections.add(new Section(name, pkg, header, i));
        sectionTags.add(current);
        current = new ArrayList<>();
        name = parsed.name();
        pkg = parsed.qualifier().name();
        header = i;
        holdsTags = parsed.type() == SectionType.PACKAGE;
        continue;
      }
      if (holdsTags) {
        Matcher m = TAG.matcher(line.strip());
        if (m.matches()) {
          tags.add(new TagLine(i, m.group(1), m.group(2)));
          current.add(new TagLine(i - header, m.group(1), m.group(2)));
        }
      }
    }
    sections.add(new Section(name, pkg, header, lines.size()));
    sectionTags.add(current);
    return new SpecLayout(sections, sectionTags, tags);
  }

  /**
   * Every line of {@code lines} (the lines this layout describes) that opens or closes a
   * conditional, in order; computed once, then kept up to date by {@link #linesInserted}.
   */
  List<Conditional> conditionals(List<String> lines) {
    if (conditionals == null) {
      ArrayList<Conditional> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        int change = ConditionalBalance.depthChange(lines.get(i));
        if (change != 0) {
          out.add(new Conditional(i, change));
        }
      }
      conditionals = out;
    }
    return conditionals;
  }

  /**
   * Updates this layout in place for {@code texts} inserted before line {@code at}, as a fresh
   * scan would see them, at the cost of the sections, the tags after {@code at} in its own
   * section and the conditional lines after it (no text is read but the inserted ones). Returns
   * false, changing nothing, when the inserted lines could change the sections (a header) or are
   * not single lines (an embedded newline): then the caller scans again.
   */
  boolean linesInserted(int at, List<String> texts) {
    int k = texts.size();
    if (k == 0) {
      return true;
    }
    for (String text : texts) {
      if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || isHeader(text)) {
        return false;
      }
    }
    // the section the new lines join: the last one whose header is before them
    int owner = 0;
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      if (s.header() < at) {
        owner = i;
      }
      int header = s.header() >= at ? s.header() + k : s.header();
      int end = s.end() >= at ? s.end() + k : s.end();
      if (header != s.header() || end != s.end()) {
        sections.set(i, new Section(s.name(), s.pkg(), header, end));
      }
    }
    // tags of other sections count from their own header: only the owner's later tags move
    int header = sections.get(owner).header();
    ArrayList<TagLine> local = sectionTags.get(owner);
    int first = firstAtOrAfter(local, at - header);
    for (int i = first; i < local.size(); i++) {
      TagLine t = local.get(i);
      local.set(i, new TagLine(t.line() + k, t.tag(), t.value()));
    }
    if (sections.get(owner).holdsTags()) {
      List<TagLine> added = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        String line = texts.get(j);
        if (line.startsWith("#")) {
          continue;
        }
        Matcher m = TAG.matcher(line.strip());
        if (m.matches()) {
          added.add(new TagLine(at + j - header, m.group(1), m.group(2)));
        }
      }
      local.addAll(first, added);
    }
    tags = null;
    if (conditionals != null) {
      int c = conditionals.size();
      while (c > 0 && conditionals.get(c - 1).line() >= at) {
        c--;
      }
      for (int i = c; i < conditionals.size(); i++) {
        Conditional old = conditionals.get(i);
        conditionals.set(i, new Conditional(old.line() + k, old.change()));
      }
      List<Conditional> added = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        int change = ConditionalBalance.depthChange(texts.get(j));
        if (change != 0) {
          added.add(new Conditional(at + j, change));
        }
      }
      conditionals.addAll(c, added);
    }
    return true;
  }

  private static int firstAtOrAfter(List<TagLine> tags, int line) {
    int lo = 0;
    int hi = tags.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tags.get(mid).line() < line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static boolean isHeader(String line) {
    return !line.startsWith("#") && SectionHeader.parse(line) != null;
  }

  List<Section> sections() {
    return java.util.Collections.unmodifiableList(sections);
  }

  Section preamble() {
    return sections.get(0);
  }

  /** Sections whose name (exact, as written) and package equal the given ones. */
  List<Section> sections(String name, String pkg) {
    return sections.stream().filter(s -> s.name().equals(name) && s.pkg().equals(pkg)).toList();
  }

  List<TagLine> tags() {
    if (tags == null) {
      List<TagLine> all = new ArrayList<>();
      for (int i = 0; i < sections.size(); i++) {
        int header = sections.get(i).header();
        for (TagLine t : sectionTags.get(i)) {
          all.add(new TagLine(t.line() + header, t.tag(), t.value()));
        }
      }
      tags = all;
    }
    return java.util.Collections.unmodifiableList(tags);
  }

  /**
   * The tags of {@code sections().get(index)}, in order, with {@code line} counted from that
   * section's header (add {@link Section#header()} for the line index).
   */
  List<TagLine> sectionTags(int index) {
    return java.util.Collections.unmodifiableList(sectionTags.get(index));
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
    for (TagLine t : tags()) {
      if (sectionAt(t.line()).pkg().equals(pkg)) {
        out.add(t);
      }
    }
    return out;
  }
}
