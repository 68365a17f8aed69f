package dev.rpmoverlay.render;

import java.io.IOException;

/** A hook before each file write, so tests can make writing fail midway. Production uses {@link #NONE}. */
@FunctionalInterface
public interface FaultInjector {
  FaultInjector NONE = (component, file) -> {};

  void beforeWrite(String component, String file) throws IOException;
}
