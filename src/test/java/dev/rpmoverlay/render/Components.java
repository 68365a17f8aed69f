package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.CheckConfig;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourceFile;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Resolved components for render tests, built the way config would resolve them. */
final class Components {
  private Components() {}

  static ComponentConfig local(String name, Path specDir, Overlay... overlays) {
    return new ComponentConfig(name, SourcePosition.of(specDir.resolve(name + ".comp.toml")), List.of(),
        new SpecSource("local", Optional.of(specDir), DistroRef.NONE, "", ""), ReleaseCalculation.AUTO,
        BuildConfig.NONE, false, List.of(), List.of(overlays));
  }

  static ComponentConfig withBuild(ComponentConfig c, BuildConfig build) {
    return new ComponentConfig(c.name(), c.definedIn(), c.groups(), c.spec(), c.release(), build, c.skipFileFilter(), c.sourceFiles(), c.overlays());
  }

  static ComponentConfig withSourceFiles(ComponentConfig c, SourceFile... files) {
    return new ComponentConfig(c.name(), c.definedIn(), c.groups(), c.spec(), c.release(), c.build(), c.skipFileFilter(), List.of(files), c.overlays());
  }

  static ComponentConfig withRelease(ComponentConfig c, ReleaseCalculation release) {
    return new ComponentConfig(c.name(), c.definedIn(), c.groups(), c.spec(), release, c.build(), c.skipFileFilter(), c.sourceFiles(), c.overlays());
  }

  static BuildConfig build(List<String> with, List<String> without, TreeMap<String, String> defines, CheckConfig check) {
    return new BuildConfig(with, without, defines, List.of(), check, false);
  }
}
