package dev.rpmoverlay.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Aligns rendered lines with upstream ones by where each rendered line came from, not by comparing
 * text: a rendered line that is upstream's line N, unchanged, is kept; everything else was added by
 * its cause; upstream lines that no rendered line keeps were removed. Because the alignment follows
 * the edits actually made, every change lands in the hunk of the overlay that made it (a text diff
 * could match a removed blank line with an unrelated one and blur that).
 */
final class OriginAlignment {
  /** The cause given to lines whose origin is inconsistent; it marks a bug in attribution. */
  static final Cause UNATTRIBUTED = Cause.synthesized("unattributed");

  private OriginAlignment() {}

  static EditScript align(AttributedText text) {
    List<String> up = text.upstream();
    List<String> out = text.rendered();
    List<EditScript.Op> ops = new ArrayList<>();
    int nextUpstream = 0; // 0-based index of the next upstream line not yet kept or removed
    for (int r = 0; r < out.size(); r++) {
      int keep = keptUpstreamIndex(text, r, nextUpstream);
      if (keep < 0) {
        LineSource source = text.sources().get(r);
        Cause cause = source instanceof LineSource.Edited e ? e.cause() : UNATTRIBUTED;
        ops.add(new EditScript.Op(EditScript.Kind.ADD, -1, r, cause));
        continue;
      }
      for (int u = nextUpstream; u < keep; u++) {
        ops.add(new EditScript.Op(EditScript.Kind.REMOVE, u, -1, text.removedBy().get(u + 1)));
      }
      ops.add(new EditScript.Op(EditScript.Kind.KEEP, keep, r, null));
      nextUpstream = keep + 1;
    }
    for (int u = nextUpstream; u < up.size(); u++) {
      ops.add(new EditScript.Op(EditScript.Kind.REMOVE, u, -1, text.removedBy().get(u + 1)));
    }
    return new EditScript(up, out, fillRemovalCauses(ops));
  }

  /** The upstream index rendered line {@code r} keeps, or -1 when it is not an unchanged upstream line. */
  private static int keptUpstreamIndex(AttributedText text, int r, int nextUpstream) {
    if (!(text.sources().get(r) instanceof LineSource.Upstream u)) {
      return -1;
    }
    int index = u.line() - 1;
    boolean inOrder = index >= nextUpstream && index < text.upstream().size();
    return inOrder && text.upstream().get(index).equals(text.rendered().get(r)) ? index : -1;
  }

  /**
   * A removed line with no recorded cause was replaced in place (a tag rewrite, a release bump):
   * it takes the causes of the lines added in the same run of changes.
   */
  private static List<EditScript.Op> fillRemovalCauses(List<EditScript.Op> ops) {
    List<EditScript.Op> result = new ArrayList<>(ops);
    int i = 0;
    while (i < result.size()) {
      if (result.get(i).kind() == EditScript.Kind.KEEP) {
        i++;
        continue;
      }
      int end = i;
      Set<Cause> added = new LinkedHashSet<>();
      while (end < result.size() && result.get(end).kind() != EditScript.Kind.KEEP) {
        if (result.get(end).kind() == EditScript.Kind.ADD) {
          added.add(result.get(end).cause());
        }
        end++;
      }
      Cause fallback = added.size() == 1 ? added.iterator().next() : UNATTRIBUTED;
      List<EditScript.Op> removes = new ArrayList<>();
      List<EditScript.Op> adds = new ArrayList<>();
      for (int j = i; j < end; j++) {
        EditScript.Op op = result.get(j);
        if (op.kind() == EditScript.Kind.REMOVE) {
          removes.add(op.cause() == null ? new EditScript.Op(op.kind(), op.upstreamIndex(), -1, fallback) : op);
        } else {
          adds.add(op);
        }
      }
      // diff -u order within a run of changes: the old lines, then the new ones.
      for (int j = 0; j < removes.size(); j++) {
        result.set(i + j, removes.get(j));
      }
      for (int j = 0; j < adds.size(); j++) {
        result.set(i + removes.size() + j, adds.get(j));
      }
      i = end;
    }
    return result;
  }
}
