package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.OutdatedCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay outdated}: how far each lock is behind its upstream branch. */
@Command(
    name = "outdated",
    description = {
      "Show which components' locks are behind their upstream branch.",
      "For each selected component with an upstream (default: every component): LOCKED, the commit in its lock;",
      "WANTED, the commit 'update --force-recalculate' would lock now (the upstream-commit pin, else the last",
      "first-parent commit at or before the distro snapshot, else the tip); LATEST, the branch tip; and BEHIND,",
      "the commits on the branch the locked commit does not contain. Each repository is asked once (a fetch",
      "into its mirror: one ref advertisement, objects only when the branch moved), in parallel, with retries.",
      "Nothing in the project is written. The table lists the components that are not up to date (-v: all);",
      "-O json, csv or markdown list all."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the report was printed (with --check: every lock holds its branch tip)",
      "  1  with --check, a lock is behind its branch or missing; or a repository could not be asked",
      "  2  usage or configuration error"
    })
public final class OutdatedCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin UpstreamOptions upstream;

  @Option(names = "--check", description = "Exit 1 when any selected component's lock is behind its branch tip or missing (a CI gate).")
  boolean check;

  @Override
  protected int execute() {
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = filter.isEmpty() ? project.componentNames() : filter.select(project);
    LockStore locks = new LockStore(project.info().lockDir());
    List<OutdatedCheck.Request> requests = new ArrayList<>();
    int local = 0;
    for (UpstreamComponents.Selected s : UpstreamComponents.of(project, names)) {
      if (s.upstream().isEmpty()) {
        local++;
        continue;
      }
      Optional<String> locked = FetchCommand.readLock(locks, s.name()).map(LockFile::upstreamCommit).filter(c -> !c.isEmpty());
      requests.add(new OutdatedCheck.Request(s.upstream().get(), locked));
    }
    List<OutdatedCheck.Row> rows;
    try (Progress progress = Progress.start(this, "outdated", requests.size())) {
      rows = new OutdatedCheck(upstream.mirrors(), upstream.jobs()).check(requests, progress.stepper());
    }
    print(rows);
    rows.stream().filter(r -> r.status() == OutdatedCheck.Status.ERROR).forEach(r -> err().println(ErrorReporter.prefix(r.error())));
    info(summary(rows, local));
    boolean errors = rows.stream().anyMatch(r -> r.status() == OutdatedCheck.Status.ERROR);
    boolean behind = rows.stream().anyMatch(r -> r.status() != OutdatedCheck.Status.UP_TO_DATE);
    return errors || (check && behind) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void print(List<OutdatedCheck.Row> rows) {
    OutputFormat format = global().outputFormat();
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (OutdatedCheck.Row r : rows) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("component", r.component());
        n.put("status", r.status().label());
        n.put("locked", r.locked());
        n.put("wanted", r.wanted());
        n.put("latest", r.tip());
        n.put("behind", r.behind());
        n.put("wantedBehind", r.wantedBehind());
        n.put("error", r.error());
        list.add(n);
      }
      JsonPrinter.print(out(), Map.of("components", list));
      return;
    }
    boolean every = global().verbose() || format != OutputFormat.TABLE;
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"COMPONENT", "STATUS", "LOCKED", "WANTED", "LATEST", "BEHIND"});
    for (OutdatedCheck.Row r : rows) {
      if (every || r.status() != OutdatedCheck.Status.UP_TO_DATE) {
        table.add(new String[] {r.component(), r.status().label(), abbrev(r.locked()), abbrev(r.wanted()), abbrev(r.tip()),
            r.behind() < 0 ? "-" : Integer.toString(r.behind())});
      }
    }
    if (table.size() > 1) {
      Table.print(out(), table, format);
    }
  }

  /** E.g. {@code 3 components: 1 up to date, 2 outdated (7 commits behind in total)}. */
  static String summary(List<OutdatedCheck.Row> rows, int local) {
    Map<OutdatedCheck.Status, Long> counts = new LinkedHashMap<>();
    for (OutdatedCheck.Status s : OutdatedCheck.Status.values()) {
      counts.put(s, rows.stream().filter(r -> r.status() == s).count());
    }
    List<String> parts = new ArrayList<>();
    parts.add(counts.get(OutdatedCheck.Status.UP_TO_DATE) + " up to date");
    long outdated = counts.get(OutdatedCheck.Status.OUTDATED);
    if (outdated > 0) {
      long commits = rows.stream().filter(r -> r.behind() > 0).mapToLong(OutdatedCheck.Row::behind).sum();
      parts.add(outdated + " outdated (" + commits + " commit" + (commits == 1 ? "" : "s") + " behind in total)");
    }
    for (OutdatedCheck.Status s : List.of(OutdatedCheck.Status.UNLOCKED, OutdatedCheck.Status.ERROR)) {
      if (counts.get(s) > 0) {
        parts.add(counts.get(s) + " " + (s == OutdatedCheck.Status.ERROR ? "failed" : s.label()));
      }
    }
    if (local > 0) {
      parts.add(local + " local (no upstream)");
    }
    int n = rows.size() + local;
    return String.format(Locale.ROOT, "%d component%s: %s", n, n == 1 ? "" : "s", String.join(", ", parts));
  }

  private static String abbrev(String commit) {
    return commit.isEmpty() ? "-" : commit.substring(0, Math.min(12, commit.length()));
  }
}
