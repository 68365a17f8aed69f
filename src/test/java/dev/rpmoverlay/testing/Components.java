package dev.rpmoverlay.testing;

import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.CheckConfig;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourceFile;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Resolved components for tests, built the way config would resolve them. */
public final class Components {
  private Components() {}

  /** A local component whose spec directory is {@code specDir}, declared in {@code <specDir>/<name>.comp.toml}. */
  public static ComponentConfig local(String name, Path specDir, Overlay... overlays) {
    return new ComponentConfig(name, SourcePosition.of(specDir.resolve(name + ".comp.toml")), List.of(),
        new SpecSource("local", Optional.of(specDir), DistroRef.NONE, "", ""), ReleaseCalculation.AUTO,
        BuildConfig.NONE, false, List.of(), List.of(overlays));
  }

  /** An upstream component from Fedora 43 at the AZL4 snapshot. */
  public static ComponentConfig upstream(String name, Path declaredIn, List<Overlay> overlays) {
    SpecSource spec = new SpecSource("upstream", Optional.empty(), new DistroRef("fedora", "43", "2026-02-24T00:00:00-08:00"), "", "");
    return new ComponentConfig(name, SourcePosition.of(declaredIn), List.of(), spec, ReleaseCalculation.AUTO, BuildConfig.NONE,
        false, List.of(), overlays);
  }

  public static ComponentConfig withBuild(ComponentConfig c, BuildConfig build) {
    return new ComponentConfig(c.name(), c.definedIn(), c.groups(), c.spec(), c.release(), build, c.skipFileFilter(), c.sourceFiles(), c.overlays());
  }

  public static ComponentConfig withSourceFiles(ComponentConfig c, SourceFile... files) {
    return new ComponentConfig(c.name(), c.definedIn(), c.groups(), c.spec(), c.release(), c.build(), c.skipFileFilter(), List.of(files), c.overlays());
  }

  public static ComponentConfig withRelease(ComponentConfig c, ReleaseCalculation release) {
    return new ComponentConfig(c.name(), c.definedIn(), c.groups(), c.spec(), release, c.build(), c.skipFileFilter(), c.sourceFiles(), c.overlays());
  }

  public static ComponentConfig withOverlays(ComponentConfig c, List<Overlay> overlays) {
    return new ComponentConfig(c.name(), c.definedIn(), c.groups(), c.spec(), c.release(), c.build(), c.skipFileFilter(), c.sourceFiles(), overlays);
  }

  public static BuildConfig build(List<String> with, List<String> without, TreeMap<String, String> defines, CheckConfig check) {
    return new BuildConfig(with, without, defines, List.of(), check, false);
  }

  /** Overlay {@code index} (0-based), declared in {@code declaredIn} at {@code line}. */
  public static OverlayInfo info(int index, String description, Path declaredIn, int line) {
    return new OverlayInfo(index, description, Optional.empty(), new SourcePosition(declaredIn, line, 1));
  }

  /** A {@code spec-add-tag} of {@code BuildRequires: value}, declared at line 10 + index. */
  public static Overlay.SpecAddTag addTag(int index, String description, Path declaredIn, String value) {
    return new Overlay.SpecAddTag(info(index, description, declaredIn, 10 + index), "BuildRequires", value, "");
  }
}
