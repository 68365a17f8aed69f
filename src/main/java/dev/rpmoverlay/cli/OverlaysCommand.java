package dev.rpmoverlay.cli;

import dev.rpmoverlay.render.ComponentHistory;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.review.ComponentDiff;
import dev.rpmoverlay.review.ComponentDiffer;
import dev.rpmoverlay.review.OverlayRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay overlays}: every overlay of the selected components, one row each, with totals. */
@Command(
    name = "overlays",
    description = {
      "List every overlay of the selected components, with totals per type and per category.",
      "Without a selection, every component. Each row: component, #N, type, metadata category, upstream",
      "status, expiry and bugs, the lines it changes in the diff against upstream, and its description.",
      "-O json, csv or markdown for other tools.",
      "Line counts come from rendering each component in memory, as 'diff' does; no output is written.",
      "--history prints one row per component instead: its overlays, the commits that changed its TOML",
      "(and its overlay files and their sources), the commits that changed its lock's input fingerprint,",
      "and the date of the newest of them, read from the project's git repository (azldev's",
      "'component history' signals)."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the inventory was printed",
      "  1  a selected component could not be rendered (its lines show as '-')",
      "  2  usage or configuration error"
    })
final class OverlaysCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin CompatOption compat;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only overlays of this type (repeatable).")
  List<String> types = new ArrayList<>();

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Only overlays with this metadata category (repeatable; 'none' = no metadata).")
  List<String> categories = new ArrayList<>();

  @Option(names = "--status", paramLabel = "STATUS", description = "Only overlays with this metadata upstream-status (repeatable; 'none' = no metadata).")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--expired", description = "Only overlays whose metadata 'expires' date has passed.")
  boolean expired;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day --expired judges against (default: today, UTC).")
  String today;

  @Option(names = "--history", description = "One row per component with its git history: overlays, commits to its TOML, lock fingerprint changes, last change.")
  boolean history;

  @Override
  protected int execute() {
    LocalDate day = LintCommand.day(today);
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = filter.isEmpty() ? project.componentNames() : filter.select(project);
    if (history) {
      return printHistory(project, names, day);
    }
    try (ReviewSession session = ReviewSession.of(project, compat.mode())) {
      ComponentDiffer differ = new ComponentDiffer(0);
      List<OverlayRow> rows = new ArrayList<>();
      int failures = 0;
      for (String name : names) {
        ComponentConfig component = project.resolve(name);
        List<OverlayRow> selected = OverlayRow.of(component, Optional.empty()).stream().filter(r -> matches(r, day)).toList();
        if (selected.isEmpty()) {
          continue;
        }
        Optional<ComponentDiff> diff;
        try {
          diff = Optional.of(differ.diff(session.trace(component)));
        } catch (UserException e) {
          err().println("rpmoverlay: error: " + e.getMessage());
          failures++;
          diff = Optional.empty();
        }
        List<Integer> numbers = selected.stream().map(OverlayRow::number).toList();
        OverlayRow.of(component, diff).stream().filter(r -> numbers.contains(r.number())).forEach(rows::add);
      }
      print(project, rows);
      return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  /**
   * The per-component history table. Outside git the counts cannot be read: one note says so and
   * the table keeps only the columns that do not need history.
   */
  private int printHistory(Project project, List<String> names, LocalDate day) {
    boolean filtered = !types.isEmpty() || !categories.isEmpty() || !statuses.isEmpty() || expired;
    Optional<ComponentHistory> git = ComponentHistory.open(project);
    if (git.isEmpty()) {
      err().println("rpmoverlay: note: " + project.dir() + " is not in a git repository: no history columns");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    try {
      for (String name : names) {
        ComponentConfig component = project.resolve(name);
        long overlays = OverlayRow.of(component, Optional.empty()).stream().filter(r -> matches(r, day)).count();
        if (filtered && overlays == 0) {
          continue; // an overlay filter selects the components that have such overlays
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("component", name);
        row.put("overlays", overlays);
        if (git.isPresent()) {
          ComponentHistory.Signals s = git.get().of(component);
          row.put("configCommits", s.configCommits());
          row.put("lockChanges", s.lockChanges());
          row.put("lastChange", s.lastChange().map(i -> i.atZone(ZoneOffset.UTC).toLocalDate().toString()).orElse(""));
        }
        rows.add(row);
      }
    } finally {
      git.ifPresent(ComponentHistory::close);
    }
    OutputFormat format = global().outputFormat();
    if (format == OutputFormat.JSON) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("git", git.isPresent());
      root.put("components", rows);
      JsonPrinter.print(out(), root);
      return ExitCodes.OK;
    }
    List<String[]> table = new ArrayList<>();
    table.add(git.isPresent() ? new String[] {"COMPONENT", "OVERLAYS", "CONFIG COMMITS", "LOCK CHANGES", "LAST CHANGE"}
        : new String[] {"COMPONENT", "OVERLAYS"});
    for (Map<String, Object> row : rows) {
      table.add(row.values().stream().map(v -> v.toString().isEmpty() ? "-" : v.toString()).toArray(String[]::new));
    }
    Table.print(out(), table, format);
    return ExitCodes.OK;
  }

  private boolean matches(OverlayRow r, LocalDate day) {
    return (types.isEmpty() || types.contains(r.type()))
        && (categories.isEmpty() || categories.contains(r.category().isEmpty() ? "none" : r.category()))
        && (statuses.isEmpty() || statuses.contains(r.upstreamStatus().isEmpty() ? "none" : r.upstreamStatus()))
        && (!expired || r.expiredOn(day));
  }

  private void print(Project project, List<OverlayRow> rows) {
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> byCategory = new TreeMap<>();
    rows.forEach(r -> {
      byType.merge(r.type(), 1, Integer::sum);
      byCategory.merge(r.category().isEmpty() ? "none" : r.category(), 1, Integer::sum);
    });
    long components = rows.stream().map(OverlayRow::component).distinct().count();
    OutputFormat format = global().outputFormat();
    if (format == OutputFormat.JSON) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("overlays", rows.stream().map(r -> json(project, r)).toList());
      Map<String, Object> totals = new LinkedHashMap<>();
      totals.put("overlays", rows.size());
      totals.put("components", components);
      totals.put("byType", byType);
      totals.put("byCategory", byCategory);
      root.put("totals", totals);
      JsonPrinter.print(out(), root);
      return;
    }
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"COMPONENT", "#", "TYPE", "CATEGORY", "STATUS", "EXPIRES", "BUGS", "LINES", "DESCRIPTION"});
    for (OverlayRow r : rows) {
      table.add(new String[] {r.component(), "#" + r.number(), r.type(), dash(r.category()), dash(r.upstreamStatus()),
          r.expires().map(LocalDate::toString).orElse("-"), r.bugs().isEmpty() ? "-" : String.join(" ", r.bugs()),
          r.linesChanged() < 0 ? "-" : Long.toString(r.linesChanged()), r.description()});
    }
    Table.print(out(), table, format);
    if (format == OutputFormat.CSV) {
      return; // one table per file: totals are a sum away in any spreadsheet
    }
    out().println();
    List<String[]> totals = new ArrayList<>();
    totals.add(new String[] {"TOTAL BY", "VALUE", "OVERLAYS"});
    byType.forEach((k, v) -> totals.add(new String[] {"type", k, Integer.toString(v)}));
    byCategory.forEach((k, v) -> totals.add(new String[] {"category", k, Integer.toString(v)}));
    totals.add(new String[] {"all", components + " component" + (components == 1 ? "" : "s"), Integer.toString(rows.size())});
    Table.print(out(), totals, format);
  }

  private static Map<String, Object> json(Project project, OverlayRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("component", r.component());
    m.put("overlay", r.number());
    m.put("type", r.type());
    m.put("category", r.category());
    m.put("upstreamStatus", r.upstreamStatus());
    m.put("expires", r.expires().map(LocalDate::toString).orElse(""));
    m.put("bugs", r.bugs());
    m.put("linesChanged", r.linesChanged());
    m.put("description", r.description());
    m.put("declaredAt", position(project, r));
    return m;
  }

  private static String position(Project project, OverlayRow r) {
    var at = r.declaredAt();
    if (at.file() == null) {
      return "";
    }
    var file = at.file();
    String shown = file.isAbsolute() && file.startsWith(project.dir()) ? project.dir().relativize(file).toString() : file.toString();
    return at.line() > 0 ? shown + ":" + at.line() + ":" + Math.max(1, at.column()) : shown;
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : s;
  }
}
