package dev.rpmoverlay.spec;

import java.util.List;

/** The conditional structure of a document: blocks, the innermost block at each line, defects. */
public final class Conditionals {
  private final List<ConditionalBlock> blocks;
  private final List<ConditionalProblem> problems;

  Conditionals(List<ConditionalBlock> blocks, List<ConditionalProblem> problems) {
    this.blocks = List.copyOf(blocks);
    this.problems = List.copyOf(problems);
  }

  /** All blocks, ordered by their opening line. */
  public List<ConditionalBlock> blocks() {
    return blocks;
  }

  public ConditionalBlock block(int index) {
    return blocks.get(index);
  }

  /** The innermost block strictly enclosing {@code line}, or null at top level. */
  public ConditionalBlock enclosing(int line) {
    // Blocks nest (they come from a stack) and are ordered by opening line: the last one opened
    // before the line encloses it, or one of its ancestors does.
    int lo = 0;
    int hi = blocks.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (blocks.get(mid).ifLine() < line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    ConditionalBlock b = lo == 0 ? null : blocks.get(lo - 1);
    while (b != null && !b.encloses(line)) {
      b = b.parent() < 0 ? null : blocks.get(b.parent());
    }
    return b;
  }

  /** The outermost block enclosing {@code line}, or null at top level. */
  public ConditionalBlock outermost(int line) {
    ConditionalBlock b = enclosing(line);
    while (b != null && b.parent() >= 0) {
      b = blocks.get(b.parent());
    }
    return b;
  }

  /** How many blocks strictly enclose {@code line}. */
  public int depthAt(int line) {
    ConditionalBlock b = enclosing(line);
    return b == null ? 0 : b.depth() + 1;
  }

  /** The block whose {@code %if}, {@code %elif}, {@code %else} or {@code %endif} is {@code line}. */
  public ConditionalBlock directiveOwner(int line) {
    for (ConditionalBlock b : blocks) {
      if (b.ifLine() == line || b.endLine() == line || b.branchLines().contains(line)) {
        return b;
      }
      if (b.ifLine() > line) {
        break;
      }
    }
    return null;
  }

  public List<ConditionalProblem> problems() {
    return problems;
  }

  public boolean isBalanced() {
    return problems.isEmpty();
  }
}
