package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints rows whose first row is the header: as left-aligned text columns separated by two spaces
 * (the last column is not padded), as CSV (RFC 4180: fields with a comma, quote or line break are
 * quoted, quotes doubled; lines end in CRLF as the RFC says), or as a Markdown pipe table.
 */
final class Table {
  private Table() {}

  static void print(PrintWriter out, List<String[]> rows) {
    print(out, rows, OutputFormat.TABLE);
  }

  static void print(PrintWriter out, List<String[]> rows, OutputFormat format) {
    if (rows.isEmpty()) {
      return;
    }
    switch (format) {
      case CSV -> csv(out, rows);
      case MARKDOWN -> markdown(out, rows);
      default -> text(out, rows);
    }
  }

  private static void text(PrintWriter out, List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        sb.append(r[i]);
        if (i < cols - 1) {
          sb.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      out.println(sb);
    }
  }

  private static void csv(PrintWriter out, List<String[]> rows) {
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        String f = r[i];
        boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
        sb.append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
      }
      out.print(sb.append("\r\n"));
    }
  }

  private static void markdown(PrintWriter out, List<String[]> rows) {
    for (int n = 0; n < rows.size(); n++) {
      StringBuilder sb = new StringBuilder("|");
      for (String f : rows.get(n)) {
        // a pipe would end the cell and a line break the row
        sb.append(' ').append(f.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")).append(" |");
      }
      out.println(sb);
      if (n == 0) {
        out.println("|" + " --- |".repeat(rows.get(0).length));
      }
    }
  }
}
