package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import java.util.Optional;
import java.util.function.Function;

/**
 * A component's input fingerprint for incremental render (empty: unknown, always render). {@link
 * RenderRun} asks for it before rendering only when its state could let the component be skipped;
 * for a component it has no record of (every one in a cold render) it asks after reading the
 * component's upstream files, so what was just read need not be read again.
 */
@FunctionalInterface
public interface InputFingerprints extends Function<ComponentConfig, Optional<String>> {

  /**
   * The fingerprint of {@code c} from what render read for it: must equal {@link #apply} for the
   * same inputs, or the next run would never find the component unchanged.
   */
  default Optional<String> afterRead(ComponentConfig c, UpstreamSources read) {
    return apply(c);
  }
}
