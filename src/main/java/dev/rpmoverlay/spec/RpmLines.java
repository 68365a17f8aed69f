package dev.rpmoverlay.spec;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A spec as rpm's parser reads it, before it evaluates anything: logical lines (physical lines
 * joined as rpmbuild joins them, {@link LogicalLines}), each with rpm's reading of its leading
 * keyword ({@link RpmLine}: rpm's conditional directives and section keywords). azldev reads
 * physical lines instead ({@link SpecStructure}).
 *
 * <p>Lines are joined on demand, so a reader that stops at the first section does not join the
 * rest of the spec.
 */
public final class RpmLines implements Iterable<RpmLine> {
  private final List<SpecLine> lines;

  private RpmLines(List<SpecLine> lines) {
    this.lines = lines;
  }

  /** rpm's reading of the current lines of {@code doc}. */
  public static RpmLines of(SpecDocument doc) {
    return new RpmLines(doc.lines());
  }

  @Override
  public Iterator<RpmLine> iterator() {
    LogicalLines logical = new LogicalLines(lines);
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < lines.size();
      }

      @Override
      public RpmLine next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int start = next;
        next = logical.end(start);
        return RpmLine.of(join(start, next));
      }
    };
  }

  /** The text of physical lines {@code [start, end)} as one line, continuing backslashes dropped. */
  private String join(int start, int end) {
    if (end - start == 1) {
      return lines.get(start).text();
    }
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < end - 1; i++) {
      String text = lines.get(i).text();
      sb.append(text, 0, text.endsWith("\\") ? text.length() - 1 : text.length()).append('\n');
    }
    return sb.append(lines.get(end - 1).text()).toString();
  }
}
