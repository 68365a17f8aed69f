package dev.rpmoverlay.spec;

import java.util.List;

/**
 * One {@code %if...%endif} block. A block contains the lines strictly between its opening line
 * and its {@code %endif}; its own {@code %else}/{@code %elif} lines are inside it, its opening and
 * closing lines belong to the enclosing block.
 *
 * @param index position in {@link Conditionals#blocks()} (ordered by opening line)
 * @param keyword the opening directive as written, e.g. {@code %ifarch}
 * @param ifLine index of the opening line
 * @param branchLines indices of its {@code %elif...}/{@code %else} lines, in order
 * @param endLine index of its {@code %endif}, or -1 if the file ends first
 * @param parent index of the enclosing block, or -1 at top level
 * @param depth nesting depth, 0 for a top-level block
 */
public record ConditionalBlock(
    int index, String keyword, int ifLine, List<Integer> branchLines, int endLine, int parent, int depth) {

  public ConditionalBlock {
    branchLines = List.copyOf(branchLines);
  }

  public boolean isTerminated() {
    return endLine >= 0;
  }

  /** Whether {@code line} lies strictly inside the block. */
  public boolean encloses(int line) {
    return line > ifLine && (endLine < 0 || line < endLine);
  }

  /** Whether the whole block, {@code %if} through {@code %endif}, lies in {@code [from, to)}. */
  public boolean within(int from, int to) {
    return ifLine >= from && endLine >= 0 && endLine < to;
  }
}
