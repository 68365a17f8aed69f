package dev.rpmoverlay.spec;

import java.util.List;

/** The conditional structure of a document: blocks, the innermost block at each line, defects. */
public final class Conditionals {
  private final List<ConditionalBlock> blocks;
  private final List<ConditionalProblem> problems;
  /** Innermost enclosing block per line, or null when the document has no conditionals. */
  private final int[] innermost;

  Conditionals(List<ConditionalBlock> blocks, List<ConditionalProblem> problems, int[] innermost) {
    this.blocks = List.copyOf(blocks);
    this.problems = List.copyOf(problems);
    this.innermost = innermost;
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
    if (innermost == null || line < 0 || line >= innermost.length) {
      return null;
    }
    int b = innermost[line];
    return b < 0 ? null : blocks.get(b);
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
