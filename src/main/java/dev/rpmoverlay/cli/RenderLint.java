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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The lint {@code render} runs on the components it renders: findings as {@code lint} gives them.
 * Findings depend only on a component's inputs (and the day), so whenever some are kept for its
 * inputs ({@link KeptLintFindings}) they are read: for a component the run skipped as unchanged,
 * and for one it rendered again from the same inputs (into another output dir, or over a hand
 * edit). Otherwise a component this run rendered is linted on the render thread, from the upstream
 * files and the rendering render already has (a second render doubled the cost of lint), and a
 * skipped one is rendered again, as {@code lint} does.
 */
final class RenderLint implements RenderRun.Rendered {
  private final Project project;
  private final Compat mode;
  private final OverlayLinter linter;
  private final LockHistoryBumps bumps;
  private final Map<String, List<LintFinding>> byComponent = new ConcurrentHashMap<>();
  private final KeptLintFindings kept;
  /** The input fingerprints of the components skipped as unchanged whose findings were not kept. */
  private final Map<String, String> unkeptInputs = new ConcurrentHashMap<>();

  /** @param bumps the render's downstream changes, which a re-render for lint shares (and does not close) */
  RenderLint(Project project, Compat mode, LockHistoryBumps bumps) {
    this.project = project;
    this.mode = mode;
    this.bumps = bumps;
    LocalDate day = LintCommand.day(null);
    this.linter = new OverlayLinter(new OverlayEngine(mode), day);
    this.kept = KeptLintFindings.in(project.info().workDir(), day);
  }

  @Override
  public void rendered(ComponentConfig component, Optional<String> inputs, SourceTree upstream, RenderedComponent result) {
    if (component.overlays().isEmpty()) {
      return; // nothing to lint: every finding is about an overlay
    }
    Optional<List<LintFinding>> keptFindings = inputs.flatMap(i -> kept.find(component, i));
    if (keptFindings.isPresent()) {
      byComponent.put(component.name(), keptFindings.get());
      return;
    }
    long t = PhaseTimes.start();
    List<LintFinding> found = linter.lint(component, upstream, result);
    byComponent.put(component.name(), found);
    inputs.ifPresent(i -> kept.keep(component, i, found));
    PhaseTimes.add(PhaseTimes.Phase.LINT, t);
  }

  @Override
  public void unchanged(ComponentConfig component, String inputs) {
    if (component.overlays().isEmpty()) {
      return;
    }
    Optional<List<LintFinding>> found = kept.find(component, inputs);
    if (found.isPresent()) {
      byComponent.put(component.name(), found.get());
    } else {
      unkeptInputs.put(component.name(), inputs);
    }
  }

  /**
   * The findings for {@code components} with overlays, in their order, formatted as {@code lint}
   * prints them. A component that failed to render has none (render reported why). What was found
   * is kept for the next render ({@link KeptLintFindings}).
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
          String inputs = unkeptInputs.get(component.name());
          if (inputs != null) {
            kept.keep(component, inputs, found);
          }
        } catch (UserException e) {
          found = List.of(); // cannot be rendered now; the next render reports why
        }
      }
      for (LintFinding f : found != null ? found : List.<LintFinding>of()) {
        lines.add(f.format(project.dir()));
      }
    }
    kept.save(project.componentNames());
    return lines;
  }
}
