package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.OverlayMetadata;
import dev.rpmoverlay.config.model.SourcePosition;
import java.util.List;
import java.util.Optional;

/** {@code [component-groups.<name>]}. {@code components} keeps declaration order. */
public record ComponentGroup(
    String name,
    String description,
    List<String> components,
    Optional<OverlayMetadata> metadata,
    ComponentLayer defaultComponentConfig,
    SourcePosition declaredAt) {

  public ComponentGroup {
    components = List.copyOf(components);
  }
}
