package dev.rpmoverlay.overlay;

import dev.rpmoverlay.spec.ConditionalDirective;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** {@code %if}/{@code %endif} structure as azldev counts it (docs/azldev-compatibility.md §2.4). */
final class ConditionalBalance {
  private ConditionalBalance() {}

  /** A matched pair of line indexes. */
  record Pair(int ifLine, int endifLine) {}

  private static String firstToken(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return "";
    }
    int ws = 0;
    while (ws < trimmed.length() && !Character.isWhitespace(trimmed.charAt(ws))) {
      ws++;
    }
    return trimmed.substring(0, ws).toLowerCase(Locale.ROOT);
  }

  /** +1 for an opener, -1 for {@code %endif}, 0 otherwise; comments never count. */
  static int depthChange(String line) {
    ConditionalDirective d = ConditionalDirective.of(firstToken(line));
    return d == ConditionalDirective.OPEN ? 1 : d == ConditionalDirective.END ? -1 : 0;
  }

  static boolean isBranch(String line) {
    return ConditionalDirective.of(firstToken(line)) == ConditionalDirective.BRANCH;
  }

  static boolean isBlankOrComment(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  private static boolean isMacroDefinition(String line) {
    String t = firstToken(line);
    return t.equals("%define") || t.equals("%global");
  }

  /**
   * Every matched pair, found with a stack; continuation lines of a multi-line
   * {@code %define}/{@code %global} are skipped. An unmatched directive is an error.
   */
  static List<Pair> pairs(List<String> lines) throws SpecEditException {
    List<Pair> pairs = new ArrayList<>();
    Deque<Integer> stack = new ArrayDeque<>();
    boolean inMacro = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (inMacro) {
        inMacro = line.endsWith("\\");
        continue;
      }
      if (isMacroDefinition(line) && line.endsWith("\\")) {
        inMacro = true;
        continue;
      }
      int d = depthChange(line);
      if (d > 0) {
        stack.push(i);
      } else if (d < 0) {
        if (stack.isEmpty()) {
          throw new SpecEditException("unmatched %endif at line " + (i + 1));
        }
        pairs.add(new Pair(stack.pop(), i));
      }
    }
    if (!stack.isEmpty()) {
      throw new SpecEditException("unmatched %if at line " + (stack.peekLast() + 1));
    }
    return pairs;
  }

  /**
   * Shrinks {@code [start, end)} so that removing it leaves every {@code %if}/{@code %endif}
   * balanced: a pair with exactly one line inside is "straddling", and the range is cut back to
   * the earliest such line. Fails when real content would be left behind or a kept branch
   * directive would change meaning.
   */
  static int balancedEnd(int start, int end, List<String> lines, List<Pair> pairs) throws SpecEditException {
    int trimmed = end;
    for (Pair p : pairs) {
      boolean ifInside = p.ifLine() >= start && p.ifLine() < end;
      boolean endifInside = p.endifLine() >= start && p.endifLine() < end;
      if (ifInside == endifInside) {
        continue;
      }
      int inside = ifInside ? p.ifLine() : p.endifLine();
      trimmed = Math.min(trimmed, inside);
      if (ifInside && hasContent(p.ifLine() + 1, end, lines)) {
        throw spans(start, end);
      }
    }
    for (int i = start; i < end; i++) {
      if (!isBranch(lines.get(i))) {
        continue;
      }
      for (Pair p : pairs) {
        if (p.ifLine() <= i && p.endifLine() >= i) {
          if (!(p.ifLine() >= start && p.endifLine() < end)) {
            throw new SpecEditException("section at lines " + (start + 1) + "-" + end
                + " contains a %else/%elif branch of a conditional that extends beyond the section; "
                + "use a spec-search-replace overlay to adjust the conditionals before removing it");
          }
          break;
        }
      }
    }
    if (trimmed < end && hasContent(trimmed, end, lines)) {
      throw spans(start, end);
    }
    return trimmed;
  }

  private static boolean hasContent(int from, int to, List<String> lines) {
    for (int i = from; i < to; i++) {
      if (!isBlankOrComment(lines.get(i)) && depthChange(lines.get(i)) == 0) {
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
