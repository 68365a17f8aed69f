package dev.rpmoverlay.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean": the known names closest to a mistyped one by edit distance, so {@code render
 * ngnix} can point at {@code nginx}. Only close names are offered (at most a third of the word's
 * length, at least 2 edits), best first, then by name, so the hint is short and deterministic.
 */
final class Suggestions {
  private static final int MAX = 3;

  private Suggestions() {}

  /** Up to three names from {@code known} closest to {@code word}; empty when none is close. */
  static List<String> closest(String word, Collection<String> known) {
    int limit = Math.max(2, word.length() / 3);
    record Scored(String name, int distance) {}
    return known.stream()
        .map(k -> new Scored(k, distance(word, k)))
        .filter(s -> s.distance() <= limit)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(MAX)
        .map(Scored::name)
        .toList();
  }

  /** {@code message}, plus {@code " (did you mean 'a' or 'b'?)"} when a known name is close to {@code word}. */
  static String withHint(String message, String word, Collection<String> known) {
    List<String> near = closest(word, known);
    if (near.isEmpty()) {
      return message;
    }
    return message + " (did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList()) + "?)";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours ("ngnix"/"nginx" is 1). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
