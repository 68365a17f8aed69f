package dev.rpmoverlay.render;

import java.io.IOException;

/**
 * A hook before each file write, so tests can make writing fail midway. Package-private: only
 * {@link RenderRun}'s package-private constructor takes one; the public one uses {@link #NONE}.
 */
@FunctionalInterface
interface FaultInjector {
  FaultInjector NONE = (component, file) -> {};

  void beforeWrite(String component, String file) throws IOException;
}
