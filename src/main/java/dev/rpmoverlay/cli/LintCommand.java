package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.review.LintFinding;
import dev.rpmoverlay.review.OverlayLinter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay lint}: overlays that do nothing, are undone, duplicate, dangle, overreach or have expired. */
@Command(
    name = "lint",
    description = {
      "Check the overlays of components for problems that a render does not fail on.",
      "Finding kinds:",
      "  no-effect         the overlay changes nothing",
      "  undone            a later overlay, or the file filter, undoes what it did",
      "  duplicate         a tag/line add repeats an identical line already in that section",
      "  unshipped-source  it leaves a Source/Patch tag naming a file the component does not ship",
      "  broad-regex       a search-replace changed " + OverlayLinter.BROAD_REGEX_LINES + " lines or more (the count is given)",
      "  expired           its metadata 'expires' date (\"YYYY-MM-DD\") has passed",
      "Each finding names the component, the overlay (#N, as diff and show number it), where it is declared,",
      "and what to do. Components are rendered in memory from upstream-cache/; no output is written."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no findings, or findings without --strict",
      "  1  findings with --strict, or a selected component could not be rendered",
      "  2  usage or configuration error"
    })
final class LintCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin CompatOption compat;

  @Option(names = "--strict", description = "Exit 1 when there are findings (for CI).")
  boolean strict;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "Judge 'expires' dates as of this day (default: today, UTC).")
  String today;

  @Override
  protected int execute() {
    LocalDate day = day(today);
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = filter.isEmpty() ? project.componentNames().stream().sorted().toList() : filter.select(project);
    try (ReviewSession session = ReviewSession.of(project, compat.mode())) {
      OverlayLinter linter = new OverlayLinter(new OverlayEngine(compat.mode()), day);
      List<LintFinding> findings = new ArrayList<>();
      int failures = 0;
      try (Progress progress = Progress.start(this, "lint", names.size())) {
        for (String name : names) {
          progress.step();
          var component = project.resolve(name);
          if (component.overlays().isEmpty()) {
            continue; // nothing to lint: every finding is about an overlay
          }
          try {
            findings.addAll(session.lint(component, linter));
          } catch (UserException e) {
            err().println("rpmoverlay: error: " + e.getMessage());
            failures++;
          }
        }
      }
      if (global().outputFormat() == OutputFormat.JSON) {
        JsonPrinter.print(out(), findings.stream().map(f -> f.toJson(project.dir())).toList());
      } else {
        findings.forEach(f -> out().println(f.format(project.dir())));
        info(findings.size() + " finding" + (findings.size() == 1 ? "" : "s") + " in " + names.size() + " component" + (names.size() == 1 ? "" : "s"));
      }
      if (failures > 0 || (strict && !findings.isEmpty())) {
        return ExitCodes.FAILED;
      }
      return ExitCodes.OK;
    }
  }

  /** The day expiry is judged against: {@code --today}, else the current UTC date. */
  static LocalDate day(String text) {
    if (text == null) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UserException("--today must be a date written YYYY-MM-DD, not '" + text + "'");
    }
  }
}
