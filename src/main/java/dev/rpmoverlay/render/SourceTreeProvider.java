package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.SourceTree;
import java.io.IOException;

/**
 * Supplies a component's upstream files (the dist-git checkout at the pinned commit, or a local
 * spec dir). Render never fetches: the upstream cache, a conformance case's {@code upstream/}, or
 * a local directory plug in here.
 */
public interface SourceTreeProvider {

  /** The component's files, with the spec as {@code <upstream-name>.spec} or {@code <name>.spec}. */
  SourceTree sourceTree(ComponentConfig component) throws IOException;
}
