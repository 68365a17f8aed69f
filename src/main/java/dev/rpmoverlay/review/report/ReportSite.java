package dev.rpmoverlay.review.report;

import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.review.ComponentDiff;
import dev.rpmoverlay.review.FileDiff;
import dev.rpmoverlay.review.LintFinding;
import dev.rpmoverlay.review.OverlayRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes the static review site: {@code index.html} (every component, its deviation counts and
 * lint findings, with filters and a search box), {@code c/NAME.html} per component, and the
 * stylesheet and script, all from Mustache templates ({@code report-*.mustache}). Nothing is
 * loaded from the network and nothing depends on the time: the same inputs give the same bytes.
 */
public final class ReportSite {

  /** What the report shows of one component; {@code diff} is empty (and {@code error} set) when it could not be rendered. */
  public record Entry(String name, List<String> groups, List<OverlayRow> overlays, Optional<ComponentDiff> diff, String error,
      List<LintFinding> findings) {}

  private final Templates templates;
  private final Function<OverlayRow, String> where;
  private final Function<LintFinding, String> findingWhere;

  /** @param where an overlay's {@code file:line:col}, as shown to the reader */
  public ReportSite(Templates templates, Function<OverlayRow, String> where, Function<LintFinding, String> findingWhere) {
    this.templates = templates;
    this.where = where;
    this.findingWhere = findingWhere;
  }

  /** Writes the site into {@code dir} (created); entries in the order given (callers sort them). */
  public void write(Path dir, String title, List<Entry> entries) throws IOException {
    Files.createDirectories(dir.resolve("c"));
    write(dir.resolve("style.css"), templates.render("report-style.css", Map.of()));
    write(dir.resolve("report.js"), templates.render("report.js", Map.of()));
    TreeSet<String> groups = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> categories = new TreeSet<>();
    TreeSet<String> statuses = new TreeSet<>();
    List<Object> rows = new ArrayList<>();
    long overlayCount = 0;
    long findingCount = 0;
    for (Entry e : entries) {
      Map<String, Object> page = ComponentPage.scope(e.name(), e.groups(), e.overlays(), e.diff(), e.error(), e.findings(), where, findingWhere);
      page.put("title", title);
      write(dir.resolve("c").resolve(e.name() + ".html"), templates.render("report-component.html", page));
      TreeSet<String> t = new TreeSet<>();
      TreeSet<String> c = new TreeSet<>();
      TreeSet<String> s = new TreeSet<>();
      e.overlays().forEach(r -> {
        t.add(r.type());
        c.add(r.category().isEmpty() ? "none" : r.category());
        s.add(r.upstreamStatus().isEmpty() ? "none" : r.upstreamStatus());
      });
      groups.addAll(e.groups());
      types.addAll(t);
      categories.addAll(c);
      statuses.addAll(s);
      overlayCount += e.overlays().size();
      findingCount += e.findings().size();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", e.name());
      row.put("groups", String.join(" ", e.groups()));
      row.put("types", String.join(" ", t));
      row.put("categories", String.join(" ", c));
      row.put("statuses", String.join(" ", s));
      row.put("overlays", e.overlays().size());
      row.put("findings", e.findings().size());
      row.put("hasFindings", !e.findings().isEmpty());
      row.put("files", e.diff().map(d -> d.files().size()).orElse(0));
      row.put("added", e.diff().map(d -> d.files().stream().mapToLong(FileDiff::added).sum()).orElse(0L));
      row.put("removed", e.diff().map(d -> d.files().stream().mapToLong(FileDiff::removed).sum()).orElse(0L));
      row.put("error", e.error());
      rows.add(row);
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("title", title);
    index.put("components", rows);
    index.put("componentCount", entries.size());
    index.put("overlayCount", overlayCount);
    index.put("findingCount", findingCount);
    index.put("groups", List.copyOf(groups));
    index.put("types", List.copyOf(types));
    index.put("categories", List.copyOf(categories));
    index.put("statuses", List.copyOf(statuses));
    write(dir.resolve("index.html"), templates.render("report-index.html", index));
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
