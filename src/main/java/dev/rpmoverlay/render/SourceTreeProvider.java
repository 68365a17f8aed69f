package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.SourceTree;
import java.io.IOException;
import java.util.Optional;

/**
 * Supplies a component's upstream files (the dist-git checkout at the pinned commit, or a local
 * spec dir). Render never fetches: the upstream cache, a conformance case's {@code upstream/}, or
 * a local directory plug in here.
 */
public interface SourceTreeProvider {

  /** The component's files, with the spec as {@code <upstream-name>.spec} or {@code <name>.spec}. */
  SourceTree sourceTree(ComponentConfig component) throws IOException;

  /**
   * The stored rpmautospec history facts of the component's upstream ({@code history.json}), when
   * there are any; without them {@code %autorelease}/{@code %autochangelog} are left as they are.
   */
  default Optional<byte[]> historyFacts(ComponentConfig component) throws IOException {
    return Optional.empty();
  }

  /**
   * Both of the above; render calls this once per component. Override it when reading the two
   * separately would read (and verify) the same stored entry twice.
   */
  default UpstreamSources read(ComponentConfig component) throws IOException {
    return new UpstreamSources(sourceTree(component), historyFacts(component));
  }
}
