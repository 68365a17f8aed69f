package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ANSI colour for the text forms of diff, explain and the run summaries, applied line by line to
 * what the (colourless) writers of the review package print, so JSON and piped output never carry
 * escape codes. Off, every method returns its input unchanged. Whether it is on follows --color
 * and NO_COLOR ({@link Terminal}).
 */
final class Colors {
  private static final String RESET = "\033[0m";
  private static final String BOLD = "\033[1m";
  private static final String RED = "\033[31m";
  private static final String GREEN = "\033[32m";
  private static final String YELLOW = "\033[33m";
  private static final String CYAN = "\033[36m";
  private static final String DIM = "\033[2m";

  /** An explain line: number, cause column, '|' (a rendered line) or '-' (a removed one), text. */
  private static final Pattern EXPLAIN = Pattern.compile("^( *\\d* )(\\S*\\s*)([|-])( ?)(.*)$");

  private final boolean on;

  private Colors(boolean on) {
    this.on = on;
  }

  /** Colours for what the command prints to stdout. */
  static Colors stdout(RootCommand g) {
    return new Colors(g.outputFormat() != OutputFormat.JSON && Terminal.colorStdout(g.color()));
  }

  /** Colours for the status lines the command prints to stderr. */
  static Colors stderr(RootCommand g) {
    return new Colors(Terminal.colorStderr(g.color()));
  }

  boolean on() {
    return on;
  }

  private String paint(String style, String text) {
    return on && !text.isEmpty() ? style + text + RESET : text;
  }

  /** A unified diff line: file headers bold, hunk headers cyan, additions green, removals red. */
  String diffLine(String line) {
    if (line.startsWith("diff ") || line.startsWith("--- ") || line.startsWith("+++ ")) {
      return paint(BOLD, line);
    }
    if (line.startsWith("@@")) {
      return paint(CYAN, line);
    }
    if (line.startsWith("+")) {
      return paint(GREEN, line);
    }
    if (line.startsWith("-")) {
      return paint(RED, line);
    }
    if (line.startsWith("#")) {
      return paint(DIM, line);
    }
    return line;
  }

  /** An explain line: what wrote a line in yellow and the line green; removed upstream lines red; comments dim. */
  String explainLine(String line) {
    if (line.startsWith("#")) {
      return paint(DIM, line);
    }
    Matcher m = EXPLAIN.matcher(line);
    if (!m.matches() || m.group(2).isBlank()) {
      return line;
    }
    if (m.group(3).equals("-")) {
      return paint(RED, line);
    }
    return m.group(1) + paint(YELLOW, m.group(2)) + m.group(3) + m.group(4) + paint(GREEN, m.group(5));
  }

  /** A run's last line: green when nothing failed, red otherwise. */
  String summary(String line, boolean failed) {
    return paint(failed ? BOLD + RED : GREEN, line);
  }

  /** A writer that passes every line through {@code paint} before {@code out}; flush or close it at the end. */
  static PrintWriter lines(PrintWriter out, UnaryOperator<String> paint) {
    return new PrintWriter(new LineWriter(out, paint));
  }

  /** Buffers one line at a time so it can be coloured whole. */
  private static final class LineWriter extends Writer {
    private final PrintWriter out;
    private final UnaryOperator<String> paint;
    private final StringBuilder line = new StringBuilder();

    LineWriter(PrintWriter out, UnaryOperator<String> paint) {
      this.out = out;
      this.paint = paint;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          out.print(paint.apply(line.toString()));
          out.print('\n');
          line.setLength(0);
        } else {
          line.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() {
      if (!line.isEmpty()) {
        out.print(paint.apply(line.toString()));
        line.setLength(0);
      }
      out.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
