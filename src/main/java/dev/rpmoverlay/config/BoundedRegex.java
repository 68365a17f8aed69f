package dev.rpmoverlay.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Compiles an overlay regex with RE2 rules (RE2/J), after checking bounds that keep compilation
 * and matching cheap. RE2/J's parser and compiler recurse over the expression tree and expand
 * counted repetitions: {@code (?:(?:a{0,1000}){0,1000})b} ran out of stack (and took seconds),
 * and so did 5,000 {@code a*} in a row. Go's {@code regexp} (azldev's) refuses nested counted
 * repetitions that repeat something more than 1000 times ("invalid repeat count"), and so do we;
 * the other bounds are rpmoverlay's own and far above any real overlay regex (the longest in AZL4
 * is under 100 characters).
 */
public final class BoundedRegex {
  /** Longest regex accepted, in characters. */
  public static final int MAX_LENGTH = 1_000;
  /** Go's bound on nested counted repetitions ({@code repeatIsValid(re, 1000)}). */
  public static final int MAX_REPEAT = 1_000;
  /** Deepest nesting of groups. */
  public static final int MAX_DEPTH = 100;
  /**
   * Deepest expression tree RE2/J will recurse over: groups and repetition operators, where
   * {@code x{n,m}} counts {@code m-n} levels because RE2 rewrites it to nested optionals
   * ({@code x(x(x)?)?}). Enough for one {@code x{0,1000}} inside 100 groups.
   */
  public static final int MAX_TREE_DEPTH = 1_100;
  /** Largest estimated program (RE2 instructions): matching time is line length times this. */
  public static final int MAX_PROGRAM = 20_000;

  private BoundedRegex() {}

  /** Thrown for a regex that does not compile or exceeds a bound; {@link #description} says which. */
  public static final class InvalidRegexException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String description;
    private final boolean overBound;

    InvalidRegexException(String regex, String description, boolean overBound) {
      super("invalid regex \"" + regex + "\": " + description);
      this.description = description;
      this.overBound = overBound;
    }

    public String description() {
      return description;
    }

    /** What to do about it, for the error's hint. */
    public String hint() {
      return overBound
          ? "simplify the regex: at most " + MAX_LENGTH + " characters, " + MAX_DEPTH + " nested groups, nested {n,m} repeating at most "
              + MAX_REPEAT + " times, about " + MAX_PROGRAM + " RE2 instructions"
          : "regexes use RE2 syntax (no look-around, no backreferences); escape literal metacharacters with \\\\";
    }
  }

  /**
   * Compiles {@code regex}.
   *
   * @throws InvalidRegexException for RE2 syntax errors and for regexes over a bound
   */
  public static Pattern compile(String regex) {
    String problem = boundsProblem(regex);
    if (problem != null) {
      throw new InvalidRegexException(abbreviate(regex), problem, true);
    }
    try {
      try {
        return Pattern.compile(regex);
      } catch (StackOverflowError e) {
        // RE2/J recurses once per level of x{n,m}'s nested optionals, which a small thread stack
        // may not hold even within the bounds; the bounds cap the depth, so a large stack does.
        return onLargeStack(regex);
      }
    } catch (PatternSyntaxException e) {
      throw new InvalidRegexException(regex, e.getDescription(), false);
    }
  }

  private static final long LARGE_STACK = 64L << 20;

  private static Pattern onLargeStack(String regex) {
    Pattern[] compiled = new Pattern[1];
    RuntimeException[] failed = new RuntimeException[1];
    Thread t = new Thread(null, () -> {
      try {
        compiled[0] = Pattern.compile(regex);
      } catch (RuntimeException e) {
        failed[0] = e;
      } catch (StackOverflowError e) {
        failed[0] = new InvalidRegexException(abbreviate(regex), "too complex to compile", true);
      }
    }, "regex-compile", LARGE_STACK);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidRegexException(abbreviate(regex), "compilation interrupted", true);
    }
    if (failed[0] != null) {
      throw failed[0];
    }
    return compiled[0];
  }

  private static String abbreviate(String regex) {
    return regex.length() <= 80 ? regex : regex.substring(0, 60) + "...(" + regex.length() + " characters)";
  }

  /** The first bound {@code regex} exceeds, or null. Syntax errors are left to RE2/J. */
  static String boundsProblem(String regex) {
    if (regex.length() > MAX_LENGTH) {
      return "longer than " + MAX_LENGTH + " characters (" + regex.length() + ")";
    }
    return new Scanner(regex).scan();
  }

  /**
   * One pass over the regex text, without recursion, estimating what RE2 would build: per group,
   * the size of the finished alternatives and of the current branch, and the size and repeat
   * factor of the last atom (the operand of a following repetition operator).
   */
  private static final class Scanner {
    private final String re;
    private int i;
    private final Deque<Group> open = new ArrayDeque<>();

    /** Sizes are capped at {@link #CAP} so products cannot overflow. */
    private static final long CAP = 1L << 40;

    private static final class Group {
      long alternatives; // size of the branches before the last '|'
      long branch; // size of the current branch without its last atom
      long atom = -1; // size of the last atom, -1 if none
      long atomRepeat = 1; // largest product of counted repetitions inside the last atom
      long maxRepeat = 1; // largest such product anywhere in the group
      int atomDepth; // nesting depth inside the last atom
      int maxDepth;

      void push(long size, long repeat, int depth) {
        closeAtom();
        atom = size;
        atomRepeat = repeat;
        atomDepth = depth;
      }

      void closeAtom() {
        if (atom >= 0) {
          branch = Math.min(CAP, branch + atom);
          maxRepeat = Math.max(maxRepeat, atomRepeat);
          maxDepth = Math.max(maxDepth, atomDepth);
          atom = -1;
        }
      }

      long close() {
        closeAtom();
        return Math.min(CAP, alternatives + branch + (alternatives > 0 ? 1 : 0));
      }
    }

    Scanner(String re) {
      this.re = re;
      open.push(new Group());
    }

    String scan() {
      while (i < re.length()) {
        char c = re.charAt(i);
        Group g = open.peek();
        switch (c) {
          case '\\' -> {
            if (i + 1 < re.length() && re.charAt(i + 1) == 'Q') {
              int end = re.indexOf("\\E", i + 2);
              int stop = end < 0 ? re.length() : end + 2;
              g.push(Math.max(1, stop - i - 4), 1, 0);
              i = stop;
            } else {
              g.push(1, 1, 0);
              i = escapeEnd(i);
            }
          }
          case '[' -> {
            g.push(1, 1, 0);
            i = classEnd(i);
          }
          case '(' -> {
            if (re.startsWith("(?", i) && flagsOnly(i)) {
              i = re.indexOf(')', i) + 1;
            } else {
              open.push(new Group());
              if (open.size() > MAX_DEPTH) {
                return "groups nested more than " + MAX_DEPTH + " deep";
              }
              i++;
            }
          }
          case ')' -> {
            if (open.size() == 1) {
              return null; // unbalanced: RE2/J reports it
            }
            Group inner = open.pop();
            long size = inner.close();
            open.peek().push(size + 2, inner.maxRepeat, inner.maxDepth + 1);
            i++;
          }
          case '|' -> {
            g.closeAtom();
            g.alternatives = Math.min(CAP, g.alternatives + g.branch + 1);
            g.branch = 0;
            i++;
          }
          case '*', '+', '?' -> {
            i++;
            if (i < re.length() && re.charAt(i) == '?') {
              i++;
            }
            if (g.atom >= 0) {
              g.atom = Math.min(CAP, g.atom + 1);
              g.atomDepth++;
            }
          }
          case '{' -> {
            String problem = counted(g);
            if (problem != null) {
              return problem;
            }
          }
          default -> {
            g.push(1, 1, 0);
            i++;
          }
        }
        String problem = check(open.peek());
        if (problem != null) {
          return problem;
        }
      }
      while (open.size() > 1) {
        Group inner = open.pop();
        open.peek().push(inner.close() + 2, inner.maxRepeat, inner.maxDepth + 1);
      }
      Group top = open.pop();
      top.close();
      return check(top);
    }

    private String check(Group g) {
      long repeat = Math.max(g.maxRepeat, g.atom >= 0 ? g.atomRepeat : 1);
      if (repeat > MAX_REPEAT) {
        return "invalid repeat count: nested repetitions repeat an expression " + repeat + " times (at most " + MAX_REPEAT + ")";
      }
      int depth = Math.max(g.maxDepth, g.atom >= 0 ? g.atomDepth : 0) + open.size();
      if (depth > MAX_TREE_DEPTH) {
        return "nests too deeply: about " + depth + " levels, counting x{n,m} as m-n levels (at most " + MAX_TREE_DEPTH + ")";
      }
      long size = 0;
      for (Group o : open) {
        size = Math.min(CAP, size + o.alternatives + o.branch + Math.max(0, o.atom));
      }
      if (size > MAX_PROGRAM) {
        return "expression too large: it would compile to about " + size + " instructions (at most " + MAX_PROGRAM
            + "); shorten it or reduce its repetition counts";
      }
      return null;
    }

    /** A {@code {n}}, {@code {n,}} or {@code {n,m}} repetition; any other {@code {} is a literal (RE2). */
    private String counted(Group g) {
      int close = re.indexOf('}', i);
      java.util.regex.Matcher m = close < 0 ? null : REPEAT.matcher(re.substring(i, close + 1));
      if (m == null || !m.matches() || g.atom < 0) {
        g.push(1, 1, 0);
        i++;
        return null;
      }
      long min = Long.parseLong(m.group(1).length() > 6 ? "9999999" : m.group(1));
      String maxText = m.group(2) == null ? m.group(1) : m.group(3);
      long max = maxText.isEmpty() ? -1 : Long.parseLong(maxText.length() > 6 ? "9999999" : maxText);
      i = close + 1;
      if (i < re.length() && re.charAt(i) == '?') {
        i++;
      }
      if (min > MAX_REPEAT || max > MAX_REPEAT) {
        return null; // RE2/J reports "invalid repeat count" itself
      }
      long count = max < 0 ? min : max;
      if (count > 0) {
        g.atomRepeat = Math.min(CAP, g.atomRepeat * count);
      }
      g.atom = Math.min(CAP, g.atom * Math.max(1, Math.max(min, max) + 1));
      g.atomDepth += (int) Math.max(1, max - min);
      return null;
    }

    private static final java.util.regex.Pattern REPEAT = java.util.regex.Pattern.compile("\\{(\\d+)(,(\\d*))?}");

    /** Whether the {@code (?} at {@code at} only sets flags, {@code (?i)}, rather than opening a group. */
    private boolean flagsOnly(int at) {
      int j = at + 2;
      while (j < re.length() && (Character.isLetter(re.charAt(j)) || re.charAt(j) == '-')) {
        j++;
      }
      return j < re.length() && re.charAt(j) == ')';
    }

    /** Index after an escape: {@code \p{Greek}}, {@code \x{263a}} and {@code \pL} are one atom. */
    private int escapeEnd(int at) {
      int j = at + 1;
      if (j >= re.length()) {
        return j;
      }
      char e = re.charAt(j);
      if ((e == 'p' || e == 'P' || e == 'x') && j + 1 < re.length() && re.charAt(j + 1) == '{') {
        int close = re.indexOf('}', j);
        return close < 0 ? re.length() : close + 1;
      }
      return j + (e == 'p' || e == 'P' ? 2 : 1);
    }

    /** Index after a character class; {@code ]} first is a member, {@code [:alpha:]} is one. */
    private int classEnd(int at) {
      int j = at + 1;
      if (j < re.length() && re.charAt(j) == '^') {
        j++;
      }
      if (j < re.length() && re.charAt(j) == ']') {
        j++;
      }
      while (j < re.length() && re.charAt(j) != ']') {
        if (re.charAt(j) == '\\') {
          j = escapeEnd(j);
        } else if (re.startsWith("[:", j) && re.indexOf(":]", j + 2) > 0) {
          j = re.indexOf(":]", j + 2) + 2;
        } else {
          j++;
        }
      }
      return Math.min(re.length(), j + 1);
    }
  }
}
