package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.LineOrigin;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.SpecLines;
import java.util.List;

/**
 * A rendered component: the files to write (spec included) and the spec's lines with the origin
 * of each (upstream unchanged, or the overlay or synthesized edit that produced it).
 */
public record RenderedComponent(String name, String specFileName, SourceTree files, SpecLines spec) {

  /** The origin of every line of the rendered spec, in order. */
  public List<LineOrigin> attribution() {
    return spec.origins();
  }
}
