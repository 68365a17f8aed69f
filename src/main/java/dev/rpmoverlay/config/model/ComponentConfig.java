package dev.rpmoverlay.config.model;

import java.util.List;

/**
 * A component's effective configuration after inheritance (distro version defaults, project
 * defaults, groups in alphabetical order, the component itself; docs/azldev-compatibility.md §1.8).
 *
 * @param name the component name (may contain dots)
 * @param definedIn where {@code [components.<name>]} was declared
 * @param groups the component groups it belongs to, sorted
 * @param overlays inherited order: distro, project, groups, inline, overlay-files; each overlay's
 *     {@link OverlayInfo#index()} is its position in this list
 */
public record ComponentConfig(
    String name,
    SourcePosition definedIn,
    List<String> groups,
    SpecSource spec,
    ReleaseCalculation release,
    BuildConfig build,
    boolean skipFileFilter,
    List<SourceFile> sourceFiles,
    List<Overlay> overlays) {

  public ComponentConfig {
    groups = List.copyOf(groups);
    sourceFiles = List.copyOf(sourceFiles);
    overlays = List.copyOf(overlays);
  }

  /** The dist-git package name: {@code spec.upstream-name}, or the component name. */
  public String upstreamName() {
    return spec.upstreamName().isEmpty() ? name : spec.upstreamName();
  }
}
