package dev.rpmoverlay.spec;

import java.util.List;

/**
 * A spec as rpm's parser reads it, before it evaluates anything: logical lines (physical lines
 * joined as rpmbuild joins them, {@link LogicalLines}), each with rpm's reading of its leading
 * keyword ({@link RpmLine}: rpm's conditional directives and section keywords). azldev reads
 * physical lines instead ({@link SpecStructure}). A cursor that joins lines as they are asked for,
 * so a reader that stops at the first section does not join the rest of the spec.
 */
public final class RpmLines {
  private final List<SpecLine> lines;
  private final LogicalLines logical;
  private int next;

  /** rpm's reading of the current lines of {@code doc}, from its first line. */
  public RpmLines(SpecDocument doc) {
    this.lines = doc.lines();
    this.logical = new LogicalLines(lines);
  }

  /** The next logical line, or null after the last. */
  public RpmLine next() {
    if (next >= lines.size()) {
      return null;
    }
    int start = next;
    next = logical.end(start);
    if (next - start == 1) {
      return RpmLine.of(lines.get(start).text());
    }
    StringBuilder joined = new StringBuilder();
    for (int i = start; i < next - 1; i++) {
      String text = lines.get(i).text();
      joined.append(text, 0, text.endsWith("\\") ? text.length() - 1 : text.length()).append('\n');
    }
    return RpmLine.of(joined.append(lines.get(next - 1).text()).toString());
  }
}
