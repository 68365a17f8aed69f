package dev.rpmoverlay.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligns two versions of a file whose lines carry no origin (sidecars changed by file overlays),
 * with java-diff-utils' Myers diff. Every change gets the same causes: the edits that touched the
 * file.
 */
final class TextAlignment {
  private TextAlignment() {}

  static EditScript align(List<String> upstream, List<String> rendered, Cause cause) {
    // Myers' cost grows with the number of differences times the lengths: against an empty side
    // (a file added or removed) that is quadratic in the file, for an answer known beforehand.
    Patch<String> patch = upstream.isEmpty() || rendered.isEmpty() ? wholeChange(upstream, rendered) : DiffUtils.diff(upstream, rendered);
    List<EditScript.Op> ops = new ArrayList<>();
    int u = 0;
    int r = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int sourceStart = delta.getSource().getPosition();
      while (u < sourceStart) {
        ops.add(new EditScript.Op(EditScript.Kind.KEEP, u++, r++, null));
      }
      for (int i = 0; i < delta.getSource().size(); i++) {
        ops.add(new EditScript.Op(EditScript.Kind.REMOVE, u++, -1, cause));
      }
      for (int i = 0; i < delta.getTarget().size(); i++) {
        ops.add(new EditScript.Op(EditScript.Kind.ADD, -1, r++, cause));
      }
    }
    while (u < upstream.size()) {
      ops.add(new EditScript.Op(EditScript.Kind.KEEP, u++, r++, null));
    }
    return new EditScript(upstream, rendered, ops);
  }

  private static Patch<String> wholeChange(List<String> upstream, List<String> rendered) {
    Patch<String> patch = new Patch<>();
    if (!upstream.isEmpty() || !rendered.isEmpty()) {
      patch.addDelta(new ChangeDelta<>(new Chunk<>(0, upstream), new Chunk<>(0, rendered)));
    }
    return patch;
  }
}
