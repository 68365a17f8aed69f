package dev.rpmoverlay.spec;

import java.util.List;

/**
 * Finds the physical lines RPM joins into one logical line before it looks at them, as rpmbuild's
 * {@code copyNextLineFromOFI} does: a line continues when it ends with a backslash right before
 * its newline, or while a <code>%{</code>, {@code %(} or {@code %[} opened on the logical line is
 * still open (nested plain brackets counted; {@code %%} and backslash escapes skipped).
 *
 * <p>RPM rejects a logical line whose brackets are still open at the end of the file. Here such a
 * line never swallows the rest of the file: the opening line is taken on its own. A budget keeps
 * adversarial input (many unclosed openers) linear: once spent, only backslash continuation is
 * honoured.
 */
final class LogicalLines {
  private final List<SpecLine> lines;
  private long budget;
  private final Scan scan = new Scan();
  /** One past the last line the latest {@link #end} call read (beyond its result when cut at EOF). */
  private int readEnd;
  /** Whether the latest {@link #end} call ran into the end of the lines with the logical line still open. */
  private boolean openAtEnd;

  LogicalLines(List<SpecLine> lines) {
    this.lines = lines;
    this.budget = 8L * lines.size() + 10_000;
  }

  /** Index one past the last physical line of the logical line that starts at {@code start}. */
  int end(int start) {
    int n = lines.size();
    scan.reset();
    int j = start;
    do {
      scan.feed(lines.get(j));
      j++;
    } while (scan.isOpen() && j < n);
    budget -= j - start;
    if (budget < 0) {
      scan.countBrackets = false;
    }
    readEnd = j;
    openAtEnd = j == n && scan.isOpen();
    if (scan.bracketsOpen() && j - start > 1) {
      // Unclosed at EOF: RPM would fail here; do not let this line hide what follows.
      return start + 1;
    }
    return j;
  }

  /** One past the last line the latest {@link #end} call read. */
  int readEnd() {
    return readEnd;
  }

  /**
   * Whether the latest {@link #end} call stopped at the last line with the logical line still
   * open: a line appended after it would have been read too.
   */
  boolean openAtEnd() {
    return openAtEnd;
  }

  /** Whether the budget ran out, so later calls stopped counting brackets. */
  boolean exhausted() {
    return !scan.countBrackets;
  }

  /** RPM's counters for one logical line. */
  private static final class Scan {
    int braces;
    int parens;
    int brackets;
    boolean continued;
    boolean countBrackets = true;

    void reset() {
      braces = 0;
      parens = 0;
      brackets = 0;
      continued = false;
    }

    boolean bracketsOpen() {
      return braces > 0 || parens > 0 || brackets > 0;
    }

    boolean isOpen() {
      return continued || bracketsOpen();
    }

    void feed(SpecLine line) {
      String text = line.text();
      String term = line.terminator();
      int len = text.length();
      int total = len + term.length();
      for (int p = 0; p < total; p++) {
        char c = p < len ? text.charAt(p) : term.charAt(p - len);
        switch (c) {
          case '\\' -> {
            if (p + 1 < total) {
              if (charAt(text, term, p + 1) == '\n') {
                continued = true;
              }
              p++;
            }
          }
          case '\n' -> continued = false;
          case '%' -> {
            if (p + 1 < total) {
              char next = charAt(text, term, p + 1);
              if (next == '%') {
                p++;
              } else if (countBrackets && (next == '{' || next == '(' || next == '[')) {
                p++;
                if (next == '{') {
                  braces++;
                } else if (next == '(') {
                  parens++;
                } else {
                  brackets++;
                }
              }
            }
          }
          case '{' -> braces += braces > 0 ? 1 : 0;
          case '}' -> braces -= braces > 0 ? 1 : 0;
          case '(' -> parens += parens > 0 ? 1 : 0;
          case ')' -> parens -= parens > 0 ? 1 : 0;
          case '[' -> brackets += brackets > 0 ? 1 : 0;
          case ']' -> brackets -= brackets > 0 ? 1 : 0;
          default -> {}
        }
      }
    }

    private static char charAt(String text, String term, int p) {
      int len = text.length();
      return p < len ? text.charAt(p) : term.charAt(p - len);
    }
  }
}
