package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.review.RenderTrace;
import dev.rpmoverlay.review.SpecExplainer;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay explain NAME}: the rendered spec with every line that is not upstream's annotated. */
@Command(
    name = "explain",
    header = "Print a component's rendered spec, each line marked with the overlay or edit that wrote it.",
    aliases = "blame",
    description = {
      "Print a component's rendered spec line by line. Each line that is not upstream's, unchanged, is",
      "marked with what wrote it: #N for the component's Nth overlay, or the name of rpmoverlay's own",
      "edit (banner, macros-load, release-bump, check-skip, ...). Upstream lines an overlay removed or",
      "replaced are shown where they were, marked '-'. A legend at the end describes every overlay shown.",
      "With -O json: one object per line with its kind, numbers, text and cause."
    })
final class ExplainCommand extends BaseCommand {

  @Parameters(paramLabel = "NAME", description = "The component.")
  String name;

  @Mixin CompatOption compat;

  @Override
  protected int execute() {
    Project project = new ProjectContext(global(), err()).project();
    if (!project.hasComponent(name)) {
      throw new UserException(Suggestions.withHint("no component named '" + name + "'", name, project.componentNames()));
    }
    RenderTrace trace;
    try (ReviewSession session = ReviewSession.of(project, compat.mode()).readAhead(name)) {
      trace = session.trace(project.resolve(name));
    }
    if (global().outputFormat() == OutputFormat.JSON) {
      out().println(SpecExplainer.toJson(trace));
    } else {
      Colors colors = Colors.stdout(global());
      PrintWriter target = colors.on() ? Colors.lines(out(), colors::explainLine) : out();
      SpecExplainer.writeText(trace, target);
      target.flush();
    }
    return ExitCodes.OK;
  }
}
