package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * A resolved component plus where its values came from: the inheritance layers in merge order,
 * and for each field path the layers that set it (for a scalar the last one wins; lists and maps
 * collect from all of them).
 */
public record ComponentTrace(ComponentConfig config, List<Layer> layers, Map<String, List<String>> origins) {

  /** One inheritance layer: e.g. {@code group check-skip-initial-failures}. */
  public record Layer(String label, SourcePosition declaredAt) {}
}
