package dev.rpmoverlay.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the value of a dependency tag ({@code BuildRequires: a, b >= 1.2 c}) into its entries the
 * way rpm's parser reads it: entries are separated by commas or whitespace, a comparison operator
 * binds the names on either side ({@code b >= 1.2} is one entry), and a parenthesised rich
 * dependency ({@code (a or b)}) is one entry whatever it contains.
 */
final class DependencyList {
  private static final Set<String> OPERATORS = Set.of("<", ">", "=", "<=", ">=", "==");

  private DependencyList() {}

  static List<String> split(String value) {
    List<String> tokens = tokens(value);
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (OPERATORS.contains(token) && !entries.isEmpty() && i + 1 < tokens.size()) {
        int last = entries.size() - 1;
        entries.set(last, entries.get(last) + " " + token + " " + tokens.get(++i));
      } else {
        entries.add(token);
      }
    }
    return entries;
  }

  /** Whitespace- or comma-separated words; a parenthesised group is one word. */
  private static List<String> tokens(String value) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
        if (!word.isEmpty()) {
          tokens.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      }
      word.append(c);
    }
    if (!word.isEmpty()) {
      tokens.add(word.toString());
    }
    return tokens;
  }
}
