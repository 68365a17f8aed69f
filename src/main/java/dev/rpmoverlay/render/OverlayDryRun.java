package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a component's user overlays to a source tree without writing anything, and lists every
 * overlay that fails. Unlike render it keeps going after a failure, so {@code update} can show a
 * reviewer all overlays an upstream bump broke at once (a later overlay may fail only because an
 * earlier one did; the first failure is the one to fix first).
 */
public final class OverlayDryRun {

  private final OverlayEngine engine;

  public OverlayDryRun(OverlayEngine engine) {
    this.engine = engine;
  }

  /** The failure messages, in overlay order; empty when every overlay applies. */
  public List<String> failures(ComponentConfig component, SourceTree tree) {
    Workspace ws;
    try {
      ws = Workspace.fromTree(component.name(), component.upstreamName(), tree);
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    List<String> failures = new ArrayList<>();
    for (Overlay overlay : component.overlays()) {
      try {
        engine.apply(ws, overlay);
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    return failures;
  }

}
