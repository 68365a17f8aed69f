package dev.rpmoverlay.config.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a component's spec comes from.
 *
 * @param type {@code upstream} or {@code local} (empty when nothing set it)
 * @param path the local spec directory (absolute, resolved against the declaring file), local only
 * @param upstreamDistro the distro to fetch from (empty name = the project default distro)
 * @param upstreamName the dist-git package name (empty = the component name)
 * @param upstreamCommit a pinned dist-git commit (empty = resolve from the snapshot)
 */
public record SpecSource(String type, Optional<Path> path, DistroRef upstreamDistro, String upstreamName, String upstreamCommit) {

  public boolean isLocal() {
    return "local".equals(type);
  }
}
