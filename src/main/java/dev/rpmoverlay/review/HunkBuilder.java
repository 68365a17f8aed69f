package dev.rpmoverlay.review;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Groups an {@link EditScript} into unified-diff hunks with {@code context} unchanged lines around
 * each run of changes; runs closer than twice the context share a hunk, as in {@code diff -u}.
 */
final class HunkBuilder {
  static final int DEFAULT_CONTEXT = 3;

  private HunkBuilder() {}

  static List<Hunk> hunks(EditScript script, int context) {
    List<EditScript.Op> ops = script.ops();
    List<Hunk> hunks = new ArrayList<>();
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind() == EditScript.Kind.KEEP) {
        i++;
        continue;
      }
      int start = Math.max(0, i - context);
      while (start < i && ops.get(start).kind() != EditScript.Kind.KEEP) {
        start++;
      }
      int end = endOfHunk(ops, i, context);
      hunks.add(hunk(script, start, end));
      i = end;
    }
    return hunks;
  }

  /** Exclusive end of the hunk whose first change is at {@code firstChange}. */
  private static int endOfHunk(List<EditScript.Op> ops, int firstChange, int context) {
    int i = firstChange;
    while (true) {
      while (i < ops.size() && ops.get(i).kind() != EditScript.Kind.KEEP) {
        i++;
      }
      int keeps = 0;
      int j = i;
      while (j < ops.size() && ops.get(j).kind() == EditScript.Kind.KEEP) {
        keeps++;
        j++;
      }
      if (j >= ops.size() || keeps > 2 * context) {
        return Math.min(i + context, i + keeps);
      }
      i = j;
    }
  }

  private static Hunk hunk(EditScript script, int start, int end) {
    List<DiffLine> lines = new ArrayList<>();
    TreeSet<Cause> causes = new TreeSet<>();
    int upstreamStart = -1;
    int renderedStart = -1;
    int upstreamCount = 0;
    int renderedCount = 0;
    int upstreamBefore = 0; // upstream lines before the hunk, for empty ranges
    int renderedBefore = 0;
    for (int k = 0; k < start; k++) {
      EditScript.Op op = script.ops().get(k);
      if (op.kind() != EditScript.Kind.ADD) {
        upstreamBefore++;
      }
      if (op.kind() != EditScript.Kind.REMOVE) {
        renderedBefore++;
      }
    }
    for (int k = start; k < end; k++) {
      EditScript.Op op = script.ops().get(k);
      switch (op.kind()) {
        case KEEP -> {
          lines.add(new DiffLine(DiffLine.Kind.CONTEXT, script.upstream().get(op.upstreamIndex()),
              op.upstreamIndex() == script.upstream().size() - 1 && !script.upstreamFinalNewline()));
          upstreamCount++;
          renderedCount++;
        }
        case REMOVE -> {
          lines.add(new DiffLine(DiffLine.Kind.REMOVED, script.upstream().get(op.upstreamIndex()),
              op.upstreamIndex() == script.upstream().size() - 1 && !script.upstreamFinalNewline()));
          upstreamCount++;
          causes.add(op.cause() == null ? OriginAlignment.UNATTRIBUTED : op.cause());
        }
        case ADD -> {
          lines.add(new DiffLine(DiffLine.Kind.ADDED, script.rendered().get(op.renderedIndex()),
              op.renderedIndex() == script.rendered().size() - 1 && !script.renderedFinalNewline()));
          renderedCount++;
          causes.add(op.cause() == null ? OriginAlignment.UNATTRIBUTED : op.cause());
        }
      }
      if (op.kind() != EditScript.Kind.ADD && upstreamStart < 0) {
        upstreamStart = op.upstreamIndex() + 1;
      }
      if (op.kind() != EditScript.Kind.REMOVE && renderedStart < 0) {
        renderedStart = op.renderedIndex() + 1;
      }
    }
    if (upstreamStart < 0) {
      upstreamStart = upstreamBefore + 1;
    }
    if (renderedStart < 0) {
      renderedStart = renderedBefore + 1;
    }
    return new Hunk(upstreamStart, upstreamCount, renderedStart, renderedCount, lines, List.copyOf(causes));
  }
}
