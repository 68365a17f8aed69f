package dev.rpmoverlay.review;

import java.util.List;

/**
 * A line-level edit script from upstream to rendered text: every upstream line is kept or removed,
 * every rendered line is kept or added, in order.
 */
record EditScript(List<String> upstream, List<String> rendered, List<Op> ops, boolean upstreamFinalNewline, boolean renderedFinalNewline) {

  EditScript {
    ops = List.copyOf(ops);
  }

  EditScript(List<String> upstream, List<String> rendered, List<Op> ops) {
    this(upstream, rendered, ops, true, true);
  }

  /**
   * The same script for files whose last lines may lack a terminator. When exactly one side lacks
   * it, their common last line is shown as removed and re-added, caused by {@code cause}, as
   * {@code diff -u} does.
   */
  EditScript withFinalNewlines(boolean upstreamHas, boolean renderedHas, Cause cause) {
    java.util.ArrayList<Op> result = new java.util.ArrayList<>(ops);
    if (upstreamHas != renderedHas && !upstream.isEmpty() && !rendered.isEmpty()) {
      for (int i = result.size() - 1; i >= 0; i--) {
        Op op = result.get(i);
        if (op.kind() == Kind.KEEP && op.upstreamIndex() == upstream.size() - 1 && op.renderedIndex() == rendered.size() - 1) {
          result.set(i, new Op(Kind.REMOVE, op.upstreamIndex(), -1, cause));
          result.add(i + 1, new Op(Kind.ADD, -1, op.renderedIndex(), cause));
          break;
        }
      }
    }
    return new EditScript(upstream, rendered, result, upstreamHas, renderedHas);
  }

  /**
   * One step. {@code upstreamIndex}/{@code renderedIndex} are 0-based; an added line has no
   * upstream index (-1) and a removed one no rendered index (-1). {@code cause} says why a line
   * was added or removed (null when kept, or when nothing is known).
   */
  record Op(Kind kind, int upstreamIndex, int renderedIndex, Cause cause) {}

  enum Kind {
    KEEP,
    REMOVE,
    ADD
  }
}
