package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.render.ComponentResult;
import dev.rpmoverlay.render.LockHistoryBumps;
import dev.rpmoverlay.render.PhaseTimes;
import dev.rpmoverlay.render.RenderRun;
import dev.rpmoverlay.render.RenderedComponent;
import dev.rpmoverlay.review.LintFinding;
import dev.rpmoverlay.review.OverlayLinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The lint {@code render} runs on the components it renders: findings as {@code lint} gives them.
 * A component this run rendered is linted on the render thread, from the upstream files and the
 * rendering render already has (a second render doubled the cost of lint); only a component the
 * run skipped as unchanged is rendered again for it, as {@code lint} does.
 */
final class RenderLint implements RenderRun.Rendered {
  private final Project project;
  private final Compat mode;
  private final OverlayLinter linter;
  private final LockHistoryBumps bumps;
  private final Map<String, List<LintFinding>> byComponent = new ConcurrentHashMap<>();

  /** @param bumps the render's downstream changes, which a re-render for lint shares (and does not close) */
  RenderLint(Project project, Compat mode, LockHistoryBumps bumps) {
    this.project = project;
    this.mode = mode;
    this.bumps = bumps;
    this.linter = new OverlayLinter(new OverlayEngine(mode), LintCommand.day(null));
  }

  @Override
  public void rendered(ComponentConfig component, SourceTree upstream, RenderedComponent result) {
    if (component.overlays().isEmpty()) {
      return; // nothing to lint: every finding is about an overlay
    }
    long t = PhaseTimes.start();
    byComponent.put(component.name(), linter.lint(component, upstream, result));
    PhaseTimes.add(PhaseTimes.Phase.LINT, t);
  }

  /**
   * The findings for {@code components} with overlays, in their order, formatted as {@code lint}
   * prints them. A component that failed to render has none (render reported why).
   *
   * @param results what the run did with each component, by name
   */
  List<String> findings(List<ComponentConfig> components, Function<String, ComponentResult> results) {
    List<String> lines = new ArrayList<>();
    // not closed: its release bumps are the render's, which RenderCommand closes
    ReviewSession session = null;
    for (ComponentConfig component : components) {
      if (component.overlays().isEmpty()) {
        continue;
      }
      List<LintFinding> found = byComponent.get(component.name());
      ComponentResult result = results.apply(component.name());
      if (found == null && result != null && !result.failed()) {
        // skipped as unchanged by incremental render: not rendered in this run
        session = session != null ? session : ReviewSession.of(project, mode, bumps);
        try {
          found = session.lint(component, linter);
        } catch (UserException e) {
          found = List.of(); // cannot be rendered now; the next render reports why
        }
      }
      for (LintFinding f : found != null ? found : List.<LintFinding>of()) {
        lines.add(f.format(project.dir()));
      }
    }
    return lines;
  }
}
