package dev.rpmoverlay.upstream;

import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Resolved component configs for tests. */
final class Components {
  private Components() {}

  static ComponentConfig upstream(String name, Path declaredIn, List<Overlay> overlays) {
    SpecSource spec = new SpecSource("upstream", Optional.empty(), new DistroRef("fedora", "43", "2026-02-24T00:00:00-08:00"), "", "");
    return new ComponentConfig(name, SourcePosition.of(declaredIn), List.of(), spec, ReleaseCalculation.AUTO, BuildConfig.NONE,
        false, List.of(), overlays);
  }

  static OverlayInfo info(int index, String description, Path declaredIn, int line) {
    return new OverlayInfo(index, description, Optional.empty(), new SourcePosition(declaredIn, line, 1));
  }

  static Overlay.SpecAddTag addTag(int index, String description, Path declaredIn, String value) {
    return new Overlay.SpecAddTag(info(index, description, declaredIn, 10 + index), "BuildRequires", value, "");
  }
}
