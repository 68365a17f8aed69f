package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.OverlayFailure;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.render.ComponentRenderer;
import dev.rpmoverlay.render.LockHistoryBumps;
import dev.rpmoverlay.render.RenderException;
import dev.rpmoverlay.render.RenderedComponent;
import dev.rpmoverlay.render.SourceTreeProvider;
import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.render.UpstreamCacheSourceTreeProvider;
import dev.rpmoverlay.review.LintFinding;
import dev.rpmoverlay.review.OverlayLinter;
import dev.rpmoverlay.review.RenderTrace;
import dev.rpmoverlay.review.TraceBuilder;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.io.IOException;
import java.util.List;

/**
 * What {@code diff} and {@code explain} look at: a component rendered in memory exactly as {@code
 * render} renders it (same cache, templates, compatibility mode and release bumps), traced back
 * to its upstream files. Nothing is written.
 */
final class ReviewSession implements AutoCloseable {
  private final SourceTreeProvider sources;
  private final ComponentRenderer renderer;
  private final TraceBuilder tracer;
  private final LockHistoryBumps releaseBumps;

  private ReviewSession(SourceTreeProvider sources, OverlayEngine engine, LockHistoryBumps releaseBumps) {
    this.sources = sources;
    this.renderer = new ComponentRenderer(sources, Templates.bundled(), engine);
    this.tracer = new TraceBuilder(engine);
    this.releaseBumps = releaseBumps;
  }

  static ReviewSession of(Project project, Compat compat) {
    return of(project, compat, new LockHistoryBumps(project.info().lockDir(), compat != Compat.AZLDEV_2026_04));
  }

  /** A session whose Release bumps are {@code releaseBumps}, as render's (made for the same project and mode). */
  static ReviewSession of(Project project, Compat compat, LockHistoryBumps releaseBumps) {
    SourceTreeProvider sources = new UpstreamCacheSourceTreeProvider(UpstreamCache.open(project.info().upstreamCacheDir()));
    return new ReviewSession(sources, new OverlayEngine(compat), releaseBumps);
  }

  /** Starts reading component {@code name}'s downstream changes on another thread ({@link LockHistoryBumps#readAhead}). */
  ReviewSession readAhead(String name) {
    releaseBumps.readAhead(name);
    return this;
  }

  /**
   * Renders and traces one component.
   *
   * @throws UserException when it cannot be rendered (missing cache entry, an overlay that does not apply)
   */
  RenderTrace trace(ComponentConfig component) {
    return rendered(component, (upstream, rendered) -> tracer.build(component, upstream, rendered.files(), rendered.specFileName(), rendered.spec()));
  }

  /**
   * Lints one component's overlays against its upstream files and its rendering.
   *
   * @throws UserException when it cannot be rendered
   */
  List<LintFinding> lint(ComponentConfig component, OverlayLinter linter) {
    return rendered(component, (upstream, rendered) -> linter.lint(component, upstream, rendered));
  }

  /**
   * Renders one component as {@code render} would write it.
   *
   * @throws UserException when it cannot be rendered
   */
  RenderedComponent render(ComponentConfig component) {
    return rendered(component, (upstream, rendered) -> rendered);
  }

  /**
   * The component's upstream files as they are (the cache entry, or a local component's spec dir).
   *
   * @throws UserException when the cache has no entry for it
   */
  SourceTree upstream(ComponentConfig component) {
    try {
      return sources.sourceTree(component);
    } catch (IOException e) {
      throw new UserException("component " + component.name() + ": " + e.getMessage()
          + " (run 'rpmoverlay update " + component.name() + "' to fetch it)", e);
    }
  }

  private <T> T rendered(ComponentConfig component, java.util.function.BiFunction<SourceTree, RenderedComponent, T> use) {
    try {
      SourceTree upstream = sources.sourceTree(component);
      RenderedComponent rendered = renderer.render(component, releaseBumps.apply(component));
      return use.apply(upstream, rendered);
    } catch (IOException e) {
      throw new UserException("component " + component.name() + ": " + e.getMessage()
          + " (run 'rpmoverlay update " + component.name() + "' to fetch it)", e);
    } catch (RenderException | OverlayFailure e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Closes the project repository the Release bumps read, if they opened it. */
  @Override
  public void close() {
    releaseBumps.close();
  }
}
