package dev.rpmoverlay.review;

import java.util.List;

/**
 * One hunk of a unified diff and the causes of its changes.
 *
 * @param upstreamStart 1-based first upstream line of the hunk (as in {@code @@ -start,count})
 * @param renderedStart 1-based first rendered line
 * @param causes sorted, without duplicates; never empty for a hunk produced from attributed text
 */
public record Hunk(int upstreamStart, int upstreamCount, int renderedStart, int renderedCount, List<DiffLine> lines, List<Cause> causes) {

  public Hunk {
    lines = List.copyOf(lines);
    causes = List.copyOf(causes);
  }

  public long added() {
    return lines.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED).count();
  }

  public long removed() {
    return lines.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED).count();
  }

  /** The {@code @@ -a,b +c,d @@} header, using diff's convention for empty ranges. */
  public String header() {
    return "@@ -" + range(upstreamStart, upstreamCount) + " +" + range(renderedStart, renderedCount) + " @@";
  }

  private static String range(int start, int count) {
    if (count == 1) {
      return Integer.toString(start);
    }
    // An empty range names the line before it, as GNU diff does.
    return (count == 0 ? start - 1 : start) + "," + count;
  }
}
