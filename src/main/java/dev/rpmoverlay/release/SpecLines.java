package dev.rpmoverlay.release;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into lines the way Python reads a text file (universal newlines: {@code \n},
 * {@code \r\n} and a lone {@code \r} all end a line), which is how rpmautospec sees a spec.
 * Lines are returned without their terminators.
 */
public final class SpecLines {
  private SpecLines() {}

  public static List<String> split(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** Whether the text's last line had a terminator (Python then printed it with one). */
  public static boolean endsWithNewline(String text) {
    return !text.isEmpty() && (text.endsWith("\n") || text.endsWith("\r"));
  }
}
