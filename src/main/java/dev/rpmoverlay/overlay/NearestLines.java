package dev.rpmoverlay.overlay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The spec lines most like what an overlay looked for and did not find, so that the error after
 * an upstream bump points at the line that moved ({@code Version: 8.11} became {@code Version:
 * 8.12}, {@code Patch1} became {@code Patch01}). Likeness is the Sørensen-Dice coefficient of the
 * lower-cased character bigrams; only lines at least {@link #MIN_SCORE} alike are shown, at most
 * {@link #MAX}, best first, ties in line order. Computed only on failure, over lines cut to
 * {@link #SCORED_CHARS} characters, so a huge spec costs one linear pass.
 */
final class NearestLines {
  static final int MAX = 3;
  static final double MIN_SCORE = 0.4;
  static final int SCORED_CHARS = 400;
  private static final int SHOWN_CHARS = 80;

  /**
   * A candidate: 0-based line index, its text, and what is compared with the needle (the text, or
   * for a tag line its name and value without the alignment spaces).
   */
  record Line(int index, String text, String key) {
    Line(int index, String text) {
      this(index, text, text);
    }
  }

  private record Scored(Line line, double score) {}

  private NearestLines() {}

  /**
   * The message suffix for {@code needle} among {@code lines}: {@code ; nearest lines: 12: "..."}, or
   * empty when no line is alike.
   */
  static String suffix(String needle, List<Line> lines) {
    List<Line> best = nearest(needle, lines);
    if (best.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("; nearest lines in the spec:");
    String sep = " ";
    for (Line l : best) {
      sb.append(sep).append(l.index() + 1).append(": \"").append(shown(l.text())).append('"');
      sep = ", ";
    }
    return sb.toString();
  }

  static List<Line> nearest(String needle, List<Line> lines) {
    Set<String> want = bigrams(needle);
    if (want.isEmpty()) {
      return List.of();
    }
    List<Scored> scored = new ArrayList<>();
    for (Line l : lines) {
      Set<String> have = bigrams(l.key());
      if (have.isEmpty()) {
        continue;
      }
      int common = 0;
      for (String b : want) {
        if (have.contains(b)) {
          common++;
        }
      }
      double score = 2.0 * common / (want.size() + have.size());
      if (score >= MIN_SCORE) {
        scored.add(new Scored(l, score));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(s -> s.line().index()));
    return scored.stream().limit(MAX).map(Scored::line).toList();
  }

  /**
   * The literal text a regex looks for: escapes become their character, character classes and
   * operators become spaces, so {@code ^Version:\s+8\.11$} is compared as {@code Version: 8.11}.
   */
  static String literalOf(String regex) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char n = regex.charAt(++i);
        sb.append(Character.isLetterOrDigit(n) ? ' ' : n);
      } else if ("^$.*+?()[]{}|".indexOf(c) >= 0) {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
    return sb.toString().trim().replaceAll("\\s+", " ");
  }

  private static Set<String> bigrams(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (t.length() > SCORED_CHARS) {
      t = t.substring(0, SCORED_CHARS);
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < t.length(); i++) {
      out.add(t.substring(i, i + 2));
    }
    return out;
  }

  private static String shown(String text) {
    String t = text.strip();
    String cut = t.length() > SHOWN_CHARS ? t.substring(0, SHOWN_CHARS) + "..." : t;
    return cut.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
