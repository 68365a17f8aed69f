package dev.rpmoverlay.review.report;

import dev.rpmoverlay.review.Cause;
import dev.rpmoverlay.review.ComponentDiff;
import dev.rpmoverlay.review.DiffLine;
import dev.rpmoverlay.review.FileDiff;
import dev.rpmoverlay.review.Hunk;
import dev.rpmoverlay.review.LintFinding;
import dev.rpmoverlay.review.OverlayRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Mustache scope of one component's review page: its overlays, lint findings and, per changed
 * file, each hunk with the overlays that made it, as unified rows and as side-by-side rows.
 */
final class ComponentPage {
  private ComponentPage() {}

  static Map<String, Object> scope(String component, List<String> groups, List<OverlayRow> overlays, Optional<ComponentDiff> diff,
      String error, List<LintFinding> findings, Function<OverlayRow, String> where, Function<LintFinding, String> findingWhere) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("name", component);
    page.put("groups", String.join(", ", groups));
    page.put("error", error);
    page.put("overlays", overlays.stream().map(r -> overlay(r, where.apply(r))).toList());
    page.put("hasOverlays", !overlays.isEmpty());
    page.put("findings", findings.stream().map(f -> finding(f, findingWhere.apply(f))).toList());
    page.put("hasFindings", !findings.isEmpty());
    Map<Integer, OverlayRow> byNumber = new LinkedHashMap<>();
    overlays.forEach(r -> byNumber.put(r.number(), r));
    List<Object> files = new ArrayList<>();
    diff.ifPresent(d -> d.files().forEach(f -> files.add(file(f, byNumber, where))));
    page.put("files", files);
    page.put("hasFiles", !files.isEmpty());
    return page;
  }

  static Map<String, Object> overlay(OverlayRow r, String where) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", r.number());
    m.put("type", r.type());
    m.put("category", r.category().isEmpty() ? "none" : r.category());
    m.put("status", r.upstreamStatus().isEmpty() ? "none" : r.upstreamStatus());
    m.put("expires", r.expires().map(Object::toString).orElse(""));
    m.put("bugs", r.bugs());
    m.put("description", r.description());
    m.put("where", where);
    m.put("lines", r.linesChanged() < 0 ? "-" : Long.toString(r.linesChanged()));
    return m;
  }

  private static Map<String, Object> finding(LintFinding f, String where) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("overlay", f.overlay() > 0 ? "#" + f.overlay() : "");
    m.put("kind", f.kind().id());
    m.put("message", f.message());
    m.put("hint", f.hint());
    m.put("where", where);
    return m;
  }

  private static Map<String, Object> file(FileDiff f, Map<Integer, OverlayRow> overlays, Function<OverlayRow, String> where) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", f.status() == FileDiff.Status.RENAMED ? f.upstreamPath() + " \u2192 " + f.renderedPath() : f.path());
    m.put("status", f.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("binary", f.binary());
    m.put("added", f.added());
    m.put("removed", f.removed());
    m.put("causes", f.causes().stream().map(c -> cause(c, overlays, where)).toList());
    m.put("hunks", f.hunks().stream().map(h -> hunk(h, overlays, where)).toList());
    return m;
  }

  private static Map<String, Object> cause(Cause c, Map<Integer, OverlayRow> overlays, Function<OverlayRow, String> where) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("overlay", c.isOverlay());
    m.put("label", c.isOverlay() ? "#" + c.number() : "synthesized");
    m.put("number", c.number());
    m.put("type", c.type());
    m.put("description", c.description());
    m.put("category", c.category());
    OverlayRow row = overlays.get(c.number());
    m.put("where", c.isOverlay() && row != null ? where.apply(row) : "");
    m.put("bugs", c.isOverlay() && row != null ? row.bugs() : List.of());
    return m;
  }

  private static Map<String, Object> hunk(Hunk h, Map<Integer, OverlayRow> overlays, Function<OverlayRow, String> where) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("header", h.header());
    m.put("causes", h.causes().stream().map(c -> cause(c, overlays, where)).toList());
    List<Object> unified = new ArrayList<>();
    int up = h.upstreamStart();
    int down = h.renderedStart();
    for (DiffLine l : h.lines()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", l.kind().name().toLowerCase(java.util.Locale.ROOT));
      row.put("old", l.kind() == DiffLine.Kind.ADDED ? "" : Integer.toString(up));
      row.put("new", l.kind() == DiffLine.Kind.REMOVED ? "" : Integer.toString(down));
      row.put("marker", String.valueOf(l.kind().marker()));
      row.put("text", l.text());
      unified.add(row);
      if (l.kind() != DiffLine.Kind.ADDED) {
        up++;
      }
      if (l.kind() != DiffLine.Kind.REMOVED) {
        down++;
      }
    }
    m.put("unified", unified);
    m.put("sides", SideBySide.rows(h));
    return m;
  }
}
