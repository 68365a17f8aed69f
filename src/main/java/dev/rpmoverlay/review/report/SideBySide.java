package dev.rpmoverlay.review.report;

import dev.rpmoverlay.review.DiffLine;
import dev.rpmoverlay.review.Hunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hunk as side-by-side rows: context on both sides; a run of removed lines and the run of added
 * lines after it paired row by row (upstream left, rendered right), the shorter side padded.
 */
final class SideBySide {
  private SideBySide() {}

  static List<Map<String, Object>> rows(Hunk h) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<DiffLine> lines = h.lines();
    int up = h.upstreamStart();
    int down = h.renderedStart();
    int i = 0;
    while (i < lines.size()) {
      DiffLine l = lines.get(i);
      if (l.kind() == DiffLine.Kind.CONTEXT) {
        rows.add(row(Integer.toString(up++), l.text(), "context", Integer.toString(down++), l.text(), "context"));
        i++;
        continue;
      }
      List<String> removed = new ArrayList<>();
      List<String> added = new ArrayList<>();
      while (i < lines.size() && lines.get(i).kind() == DiffLine.Kind.REMOVED) {
        removed.add(lines.get(i++).text());
      }
      while (i < lines.size() && lines.get(i).kind() == DiffLine.Kind.ADDED) {
        added.add(lines.get(i++).text());
      }
      for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
        boolean left = k < removed.size();
        boolean right = k < added.size();
        rows.add(row(left ? Integer.toString(up++) : "", left ? removed.get(k) : "", left ? "removed" : "empty",
            right ? Integer.toString(down++) : "", right ? added.get(k) : "", right ? "added" : "empty"));
      }
    }
    return rows;
  }

  private static Map<String, Object> row(String oldNo, String oldText, String oldKind, String newNo, String newText, String newKind) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("oldNo", oldNo);
    m.put("oldText", oldText);
    m.put("oldKind", oldKind);
    m.put("newNo", newNo);
    m.put("newText", newText);
    m.put("newKind", newKind);
    return m;
  }
}
