package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.review.ComponentDiff;
import dev.rpmoverlay.review.ComponentDiffer;
import dev.rpmoverlay.review.DiffJson;
import dev.rpmoverlay.review.DiffStatWriter;
import dev.rpmoverlay.review.SynthesizedFilter;
import dev.rpmoverlay.review.UnifiedDiffWriter;
import java.util.ArrayList;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay diff}: upstream versus rendered, each change attributed to what made it. */
@Command(
    name = "diff",
    header = "Show how components' rendered output differs from upstream, each change named by what made it.",
    description = {
      "Show how the rendered output of components differs from their upstream files, as a unified diff",
      "in which every hunk names what made it: the overlay (#N = the component's Nth overlay, its type,",
      "metadata category and description) or rpmoverlay's own edits (banner, macros file, release bump,",
      "check skip, file filter, ...). Added, removed and renamed files are named the same way.",
      "Components are rendered in memory from upstream-cache/ as 'render' does; no output is written.",
      "Text changes form a valid patch ('patch -p1' next to <component>/ with the upstream files applies them);",
      "renamed and binary files are named, not patched."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the diff was shown (whether or not there are changes)",
      "  1  a selected component could not be rendered (the others are still shown)",
      "  2  usage or configuration error"
    })
final class DiffCommand extends BaseCommand {

  @Mixin ComponentFilterOptions filter;
  @Mixin CompatOption compat;

  @Option(names = "--stat", description = "Summarize: one line per changed file with line counts and the overlays that changed it.")
  boolean stat;

  @Option(names = "--no-synthesized",
      description = "Leave out rpmoverlay's own edits (banner, release bump, %%autorelease expansion, file filter, ...): only hunks and files an overlay changed.")
  boolean noSynthesized;

  @Option(names = {"-U", "--unified"}, paramLabel = "N", description = "Lines of context around each change (default: ${DEFAULT-VALUE}).")
  int context = 3;

  @Override
  protected int execute() {
    if (context < 0) {
      throw new UserException("--unified must not be negative");
    }
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = filter.select(project);
    try (ReviewSession session = ReviewSession.of(project, compat.mode())) {
      if (!names.isEmpty()) {
        session.readAhead(names.get(0)); // the repository opens while the first component's upstream files are read
      }
      ComponentDiffer differ = new ComponentDiffer(context);
      List<ComponentDiff> diffs = new ArrayList<>();
      int failures = 0;
      for (String name : names) {
        try {
          diffs.add(differ.diff(session.trace(project.resolve(name))));
        } catch (UserException e) {
          // one failing component or several: the same report and exit code 1, as the help says
          err().println("rpmoverlay: error: " + e.getMessage());
          failures++;
        }
      }
      if (noSynthesized) {
        diffs = SynthesizedFilter.overlaysOnly(diffs);
      }
      if (global().outputFormat() == OutputFormat.JSON) {
        out().println(DiffJson.toJson(diffs));
      } else if (stat) {
        new DiffStatWriter(out()).write(diffs);
      } else {
        Colors colors = Colors.stdout(global());
        PrintWriter target = colors.on() ? Colors.lines(out(), colors::diffLine) : out();
        UnifiedDiffWriter writer = new UnifiedDiffWriter(target);
        diffs.forEach(writer::write);
        target.flush();
      }
      return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
