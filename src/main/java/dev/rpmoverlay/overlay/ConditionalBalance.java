package dev.rpmoverlay.overlay;

import dev.rpmoverlay.spec.ConditionalBlock;
import dev.rpmoverlay.spec.ConditionalProblem;
import dev.rpmoverlay.spec.Conditionals;
import dev.rpmoverlay.spec.LineKind;
import dev.rpmoverlay.spec.SpecStructure;
import java.util.BitSet;
import java.util.List;

/**
 * Cuts a section range back so that removing it keeps {@code %if}/{@code %endif} balanced, as
 * azldev's remove-section does (docs/azldev-compatibility.md §2.4). The pairs are the blocks of
 * the spec model read line by line (opaque macro bodies off, as azldev counts).
 */
final class ConditionalBalance {
  private final SpecStructure structure;
  private final List<ConditionalBlock> pairs;
  /** The {@code %if...} and {@code %endif} lines: conditional lines that are not branches. */
  private final BitSet ends = new BitSet();

  private ConditionalBalance(SpecStructure structure) {
    this.structure = structure;
    this.pairs = structure.conditionals().blocks();
    for (ConditionalBlock b : pairs) {
      ends.set(b.ifLine());
      ends.set(b.endLine());
    }
  }

  /** The pairs of {@code structure}; an unmatched {@code %endif} or {@code %if} anywhere is an error. */
  static ConditionalBalance of(SpecStructure structure) throws SpecEditException {
    Conditionals c = structure.conditionals();
    for (ConditionalProblem.Kind kind : List.of(ConditionalProblem.Kind.UNMATCHED_ENDIF, ConditionalProblem.Kind.UNTERMINATED_IF)) {
      for (ConditionalProblem p : c.problems()) {
        if (p.kind() == kind) {
          String what = kind == ConditionalProblem.Kind.UNMATCHED_ENDIF ? "%endif" : "%if";
          throw new SpecEditException("unmatched " + what + " at line " + (p.line() + 1));
        }
      }
    }
    return new ConditionalBalance(structure);
  }

  private static boolean isBlankOrComment(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  private boolean isBranch(int line) {
    return structure.kind(line) == LineKind.CONDITIONAL && !ends.get(line);
  }

  /**
   * Shrinks {@code [start, end)} so that removing it leaves every {@code %if}/{@code %endif}
   * balanced: a pair with exactly one line inside is "straddling", and the range is cut back to
   * the earliest such line. Fails when real content would be left behind or a kept branch
   * directive would change meaning.
   */
  int balancedEnd(int start, int end, List<String> lines) throws SpecEditException {
    int trimmed = end;
    for (ConditionalBlock p : pairs) {
      boolean ifInside = p.ifLine() >= start && p.ifLine() < end;
      boolean endifInside = p.endLine() >= start && p.endLine() < end;
      if (ifInside == endifInside) {
        continue;
      }
      int inside = ifInside ? p.ifLine() : p.endLine();
      trimmed = Math.min(trimmed, inside);
      if (ifInside && hasContent(p.ifLine() + 1, end, lines)) {
        throw spans(start, end);
      }
    }
    for (int i = start; i < end; i++) {
      // a branch line belongs to its own block: the innermost pair around it
      ConditionalBlock p = isBranch(i) ? structure.conditionals().enclosing(i) : null;
      if (p != null && !p.within(start, end)) {
        throw new SpecEditException("section at lines " + (start + 1) + "-" + end
            + " contains a %else/%elif branch of a conditional that extends beyond the section; "
            + "use a spec-search-replace overlay to adjust the conditionals before removing it");
      }
    }
    if (trimmed < end && hasContent(trimmed, end, lines)) {
      throw spans(start, end);
    }
    return trimmed;
  }

  /** Whether {@code [from, to)} holds a line that is not blank, a comment, an {@code %if} or an {@code %endif}. */
  private boolean hasContent(int from, int to, List<String> lines) {
    for (int i = from; i < to; i++) {
      if (!isBlankOrComment(lines.get(i)) && !ends.get(i)) {
        return true;
      }
    }
    return false;
  }

  private static SpecEditException spans(int start, int end) {
    return new SpecEditException("section at lines " + (start + 1) + "-" + end
        + " has a conditional block that spans into the next section; "
        + "use a spec-search-replace overlay to adjust the conditionals before removing it");
  }
}
