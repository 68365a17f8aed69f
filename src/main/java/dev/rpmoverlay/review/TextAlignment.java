package dev.rpmoverlay.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Aligns two versions of a file whose lines carry no origin (sidecars changed by file overlays),
 * with java-diff-utils' Myers diff. Every change gets the same causes: the edits that touched the
 * file.
 */
final class TextAlignment {
  /**
   * Above this product of the two lengths, lines with no counterpart on the other side are set
   * aside before Myers' diff (see {@link #align(List, List, Cause, long)}).
   */
  static final long WHOLE_MYERS_LIMIT = 1_000_000;

  private TextAlignment() {}

  static EditScript align(List<String> upstream, List<String> rendered, Cause cause) {
    return align(upstream, rendered, cause, WHOLE_MYERS_LIMIT);
  }

  /**
   * Myers' cost grows with the number of differences times the lengths: a file rewritten as a whole
   * (every line changed, e.g. new line endings) or added against an empty side is quadratic in its
   * length. So when the product of the lengths exceeds {@code wholeMyersLimit}, the lines that occur
   * nowhere on the other side, which no common subsequence can hold, are set aside first and Myers
   * aligns the rest. The alignment keeps as many lines as one over the whole files would (it may
   * pick another among equally short scripts); small files, the usual case, are aligned whole.
   */
  static EditScript align(List<String> upstream, List<String> rendered, Cause cause, long wholeMyersLimit) {
    int[] u;
    int[] r;
    if ((long) upstream.size() * rendered.size() <= wholeMyersLimit) {
      u = IntStream.range(0, upstream.size()).toArray();
      r = IntStream.range(0, rendered.size()).toArray();
    } else {
      u = withCounterpart(upstream, rendered);
      r = withCounterpart(rendered, upstream);
    }
    List<String> a = IntStream.of(u).mapToObj(upstream::get).toList();
    List<String> b = IntStream.of(r).mapToObj(rendered::get).toList();
    List<int[]> matches = new ArrayList<>();
    if (!a.isEmpty() && !b.isEmpty()) {
      Patch<String> patch = DiffUtils.diff(a, b);
      int i = 0;
      int j = 0;
      for (AbstractDelta<String> delta : patch.getDeltas()) {
        for (; i < delta.getSource().getPosition(); i++, j++) {
          matches.add(new int[] {u[i], r[j]});
        }
        i += delta.getSource().size();
        j += delta.getTarget().size();
      }
      for (; i < a.size(); i++, j++) {
        matches.add(new int[] {u[i], r[j]});
      }
    }
    matches.add(new int[] {upstream.size(), rendered.size()}); // the end, so the last changes are flushed
    List<EditScript.Op> ops = new ArrayList<>();
    int up = 0;
    int re = 0;
    for (int[] m : matches) {
      while (up < m[0]) {
        ops.add(new EditScript.Op(EditScript.Kind.REMOVE, up++, -1, cause));
      }
      while (re < m[1]) {
        ops.add(new EditScript.Op(EditScript.Kind.ADD, -1, re++, cause));
      }
      if (up < upstream.size()) {
        ops.add(new EditScript.Op(EditScript.Kind.KEEP, up++, re++, null));
      }
    }
    return new EditScript(upstream, rendered, ops);
  }

  /** The indices of the lines of {@code lines} that also occur in {@code other}. */
  private static int[] withCounterpart(List<String> lines, List<String> other) {
    Set<String> present = new HashSet<>(other);
    return IntStream.range(0, lines.size()).filter(i -> present.contains(lines.get(i))).toArray();
  }
}
