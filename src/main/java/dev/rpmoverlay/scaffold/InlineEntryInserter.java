package dev.rpmoverlay.scaffold;

import dev.rpmoverlay.config.TomlStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds a bare {@code [components.NAME]} line to a config file's text, where a maintainer would put
 * it: in the file's longest run of consecutive bare component lines, at its sorted position when
 * that run is sorted (at its end otherwise); after the last line of the file when it has no such
 * run. Nothing else in the file changes.
 */
final class InlineEntryInserter {
  /** A bare entry: the table header alone on its line, optionally followed by a comment. */
  private static final Pattern BARE_ENTRY =
      Pattern.compile("^\\[components\\.(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z0-9_-]+)\\]\\s*(#.*)?$");

  private InlineEntryInserter() {}

  /** How many bare component entries {@code text} has; used to pick the file to write. */
  static int countBareEntries(String text) {
    int n = 0;
    for (String line : text.split("\n", -1)) {
      if (BARE_ENTRY.matcher(stripCr(line)).matches()) {
        n++;
      }
    }
    return n;
  }

  static String insert(String text, String name) {
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    String entry = "[components." + TomlStrings.key(name) + "]";
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    boolean endsWithNewline = text.endsWith("\n");
    if (endsWithNewline) {
      lines.remove(lines.size() - 1);
    }
    int[] run = longestRun(lines);
    if (run == null) {
      StringBuilder sb = new StringBuilder(text);
      if (!text.isEmpty() && !endsWithNewline) {
        sb.append(newline);
      }
      if (!text.isBlank()) {
        sb.append(newline);
      }
      return sb.append(entry).append(newline).toString();
    }
    int at = insertionPoint(lines, run[0], run[1], name);
    lines.add(at, newline.equals("\r\n") ? entry + "\r" : entry);
    return String.join("\n", lines) + (endsWithNewline ? "\n" : "");
  }

  /** [start, end) of the longest run of bare entries, or null. */
  private static int[] longestRun(List<String> lines) {
    int[] best = null;
    int i = 0;
    while (i < lines.size()) {
      if (!isBare(lines.get(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < lines.size() && isBare(lines.get(i))) {
        i++;
      }
      if (best == null || i - start > best[1] - best[0]) {
        best = new int[] {start, i};
      }
    }
    return best;
  }

  private static int insertionPoint(List<String> lines, int start, int end, String name) {
    List<String> names = new ArrayList<>();
    for (int i = start; i < end; i++) {
      names.add(nameOf(lines.get(i)));
    }
    boolean sorted = true;
    for (int i = 1; i < names.size(); i++) {
      if (names.get(i - 1).compareTo(names.get(i)) > 0) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      return end;
    }
    for (int i = 0; i < names.size(); i++) {
      if (name.compareTo(names.get(i)) < 0) {
        return start + i;
      }
    }
    return end;
  }

  private static boolean isBare(String line) {
    return BARE_ENTRY.matcher(stripCr(line)).matches();
  }

  private static String nameOf(String line) {
    Matcher m = BARE_ENTRY.matcher(stripCr(line));
    if (!m.matches()) {
      throw new IllegalArgumentException(line);
    }
    String key = m.group(1);
    return key.startsWith("\"") ? key.substring(1, key.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\") : key;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
