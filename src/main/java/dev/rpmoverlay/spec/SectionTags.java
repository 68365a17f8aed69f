package dev.rpmoverlay.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The tag lines of a structure, kept per section so that an insert ({@link StructureInsert})
 * copies only the tags of the section it goes into: the tags of a later section are shared with
 * the structure before the insert, and their lines corrected by that section's shift when read.
 * Immutable.
 */
final class SectionTags {
  private static final TagLine[] NONE = new TagLine[0];

  /** Per section, its tags in order; a stored tag's line is off by {@code shifts[section]}. */
  private final TagLine[][] stored;
  private final int[] shifts;
  /** All tags with their lines, built on first use. */
  private List<TagLine> all;

  private SectionTags(TagLine[][] stored, int[] shifts) {
    this.stored = stored;
    this.shifts = shifts;
  }

  /** {@code tags} (in line order) of a structure with {@code sectionCount} sections. */
  static SectionTags of(List<TagLine> tags, int sectionCount) {
    int[] counts = new int[sectionCount];
    for (TagLine t : tags) {
      counts[t.section()]++;
    }
    TagLine[][] stored = new TagLine[sectionCount][];
    for (int s = 0; s < sectionCount; s++) {
      stored[s] = counts[s] == 0 ? NONE : new TagLine[counts[s]];
      counts[s] = 0;
    }
    for (TagLine t : tags) {
      stored[t.section()][counts[t.section()]++] = t;
    }
    SectionTags result = new SectionTags(stored, new int[sectionCount]);
    result.all = List.copyOf(tags);
    return result;
  }

  /** All tags, in line order. */
  List<TagLine> all() {
    List<TagLine> a = all;
    if (a == null) {
      List<TagLine> out = new ArrayList<>();
      for (int s = 0; s < stored.length; s++) {
        for (TagLine t : stored[s]) {
          out.add(shifted(t, shifts[s]));
        }
      }
      a = List.copyOf(out);
      all = a;
    }
    return a;
  }

  /** The last tag of section {@code section} that satisfies {@code filter}, or null; reads from the end. */
  TagLine last(int section, Predicate<TagLine> filter) {
    TagLine[] tags = stored[section];
    for (int i = tags.length - 1; i >= 0; i--) {
      TagLine t = shifted(tags[i], shifts[section]);
      if (filter.test(t)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The tags after {@code count} lines were inserted at line {@code at} into section {@code
   * owner}, {@code added} being the tags among the new lines (with their new line numbers).
   */
  SectionTags inserted(int owner, int at, int count, List<TagLine> added) {
    int shift = shifts[owner];
    TagLine[] old = stored[owner];
    int first = firstFrom(old, at - shift);
    TagLine[] mine = Arrays.copyOf(old, old.length + added.size());
    for (int i = first; i < old.length; i++) {
      mine[i + added.size()] = shifted(old[i], count);
    }
    for (int i = 0; i < added.size(); i++) {
      mine[first + i] = shifted(added.get(i), -shift);
    }
    TagLine[][] next = stored.clone();
    next[owner] = mine;
    int[] nextShifts = shifts.clone();
    for (int s = owner + 1; s < nextShifts.length; s++) {
      nextShifts[s] += count;
    }
    return new SectionTags(next, nextShifts);
  }

  /** Index of the first of {@code tags} (in line order) on line {@code line} or later. */
  private static int firstFrom(TagLine[] tags, int line) {
    int lo = 0;
    int hi = tags.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tags[mid].line() < line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static TagLine shifted(TagLine t, int by) {
    return by == 0 ? t : new TagLine(t.line() + by, t.section(), t.pkg(), t.indent(), t.name(), t.separator(), t.value(), t.trailing());
  }
}
