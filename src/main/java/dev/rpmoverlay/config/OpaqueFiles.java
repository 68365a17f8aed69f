package dev.rpmoverlay.config;

import java.util.List;

/**
 * Recognizes, with a cheap line scan, config files that hold nothing but sections rpmoverlay does
 * not interpret ({@code package-groups}, {@code images}, ...). In Azure Linux 4 these are the
 * package-publish lists: 33,000 of the 43,000 config lines. Loading defers parsing them (they
 * cannot influence a component), which keeps a full load fast; {@code validate} and {@code config
 * dump} parse them too. The scan is conservative: any top-level key (an {@code includes}, a dotted
 * key) or any other table header makes the file an ordinary one.
 */
final class OpaqueFiles {
  private static final List<String> OPAQUE_SECTIONS =
      List.of("package-groups", "images", "default-package-config", "tools", "resources", "test-suites", "tests", "test-groups");

  private OpaqueFiles() {}

  static boolean onlyOpaqueSections(String text) {
    boolean sawHeader = false;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      int i = start;
      while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i < end && text.charAt(i) != '#' && text.charAt(i) != '\r') {
        if (text.charAt(i) == '[') {
          if (!opaqueHeader(text, i, end)) {
            return false;
          }
          sawHeader = true;
        } else if (!sawHeader) {
          return false; // a top-level key: includes or anything else must be read
        }
      }
      start = end + 1;
    }
    return sawHeader;
  }

  private static boolean opaqueHeader(String text, int i, int end) {
    int j = i;
    while (j < end && (text.charAt(j) == '[' || text.charAt(j) == ' ')) {
      j++;
    }
    for (String section : OPAQUE_SECTIONS) {
      if (text.startsWith(section, j)) {
        int k = j + section.length();
        char next = k < end ? text.charAt(k) : '\n';
        if (next == '.' || next == ']' || next == ' ') {
          return true;
        }
      }
    }
    return false;
  }
}
