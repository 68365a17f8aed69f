package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.review.ComponentDiff;
import dev.rpmoverlay.review.ComponentDiffer;
import dev.rpmoverlay.review.LintFinding;
import dev.rpmoverlay.review.OverlayLinter;
import dev.rpmoverlay.review.OverlayRow;
import dev.rpmoverlay.review.report.ReportSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay report -o DIR}: a static HTML review site of the selected components. */
@Command(
    name = "report",
    description = {
      "Write a static HTML review site into DIR.",
      "index.html lists every selected component (all without a selection) with its overlay, lint and",
      "diff counts, filters by group, overlay type, category and upstream status, and a search box; c/NAME.html shows a component's overlays, lint findings and its",
      "upstream-vs-rendered diff (unified or side by side), every hunk labelled with the overlays that made it.",
      "Open DIR/index.html from disk: the pages load nothing from the network. Same inputs, same bytes."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the site was written",
      "  1  a selected component could not be rendered (named on stderr even with -q; its page says why)",
      "  2  usage or configuration error"
    })
final class ReportCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin CompatOption compat;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", required = true, description = "Directory to write the site into (created).")
  Path outputDir;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day lint judges 'expires' dates against (default: today, UTC).")
  String today;

  @Override
  protected int execute() throws IOException {
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = filter.isEmpty() ? project.componentNames() : filter.select(project);
    try (ReviewSession session = ReviewSession.of(project, compat.mode())) {
      OverlayLinter linter = new OverlayLinter(new OverlayEngine(compat.mode()), LintCommand.day(today));
      ComponentDiffer differ = new ComponentDiffer(3);
      List<ReportSite.Entry> entries = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      Progress progress = Progress.start(this, "report", names.size());
      for (String name : names) {
        progress.step();
        ComponentConfig component = project.resolve(name);
        Optional<ComponentDiff> diff = Optional.empty();
        List<LintFinding> findings = List.of();
        String error = "";
        try {
          diff = Optional.of(differ.diff(session.trace(component)));
          findings = component.overlays().isEmpty() ? List.of() : session.lint(component, linter);
        } catch (UserException e) {
          error = e.getMessage();
          failures.add(error);
        }
        entries.add(new ReportSite.Entry(name, project.groupsOf(name), OverlayRow.of(component, diff), diff, error, findings));
      }
      progress.close();
      Path projectDir = project.dir();
      ReportSite site = new ReportSite(Templates.bundled(), r -> relative(projectDir, r.declaredAt()), f -> f.location(projectDir));
      String title = project.info().description().isBlank() ? projectDir.getFileName().toString() : project.info().description();
      site.write(outputDir, title, entries);
      info("wrote " + outputDir.resolve("index.html") + " (" + RenderSummaryLine.plural(entries.size(), "component") + ")");
      // Printed even with -q, as diff and lint do: exit code 1 alone would not say which component.
      failures.forEach(f -> err().println("rpmoverlay: error: " + f));
      return failures.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private static String relative(Path projectDir, dev.rpmoverlay.config.model.SourcePosition at) {
    if (at.file() == null) {
      return "";
    }
    Path file = at.file();
    String shown = file.isAbsolute() && file.startsWith(projectDir) ? projectDir.relativize(file).toString() : file.toString();
    return at.line() > 0 ? shown + ":" + at.line() + ":" + Math.max(1, at.column()) : shown;
  }
}
