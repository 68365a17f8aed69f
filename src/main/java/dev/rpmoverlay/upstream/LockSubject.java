package dev.rpmoverlay.upstream;

import dev.rpmoverlay.config.model.ComponentConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a component's lock depends on.
 *
 * @param upstream where an upstream component comes from; empty for a local spec
 * @param localSpecDir a local component's spec directory (its files are its source identity)
 * @param releaseVer the component's distro {@code release-ver}
 * @param compatMode the render compatibility mode's config name
 */
public record LockSubject(
    ComponentConfig config,
    Optional<UpstreamCoordinates> upstream,
    Optional<Path> localSpecDir,
    String distroName,
    String distroVersion,
    String releaseVer,
    String compatMode) {

  public String component() {
    return config.name();
  }
}
