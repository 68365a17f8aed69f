package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code [distros.<d>.versions.<v>]}.
 *
 * @param defaultComponentConfig the lowest inheritance layer of every component when this is the
 *     project default distro version
 */
record DistroVersion(
    String name,
    String description,
    String releaseVer,
    String distGitBranch,
    Optional<Path> mockConfig,
    Optional<Path> mockConfigX86_64,
    Optional<Path> mockConfigAarch64,
    ComponentLayer defaultComponentConfig,
    SourcePosition declaredAt) {

  /** The snapshot its default component config pins upstream fetches to (empty if none). */
  public String snapshot() {
    return defaultComponentConfig.spec().upstreamDistro().snapshot();
  }
}
