package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.upstream.DownstreamHistory;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/**
 * The number of downstream changes of a component, for the static Release bump: the commits of
 * the project's own history at which {@code <lock-dir>/<name>.lock} changed its input fingerprint
 * (azldev-semantics.md 4.5). No lock file, or a project outside git, means 0.
 */
public final class LockHistoryBumps implements ToIntFunction<ComponentConfig> {
  private final Path lockDir;

  public LockHistoryBumps(Path lockDir) {
    this.lockDir = lockDir;
  }

  @Override
  public int applyAsInt(ComponentConfig component) {
    Path lock = lockDir.resolve(component.name() + ".lock");
    if (!Files.isRegularFile(lock)) {
      return 0;
    }
    try {
      return DownstreamHistory.changes(lock).size();
    } catch (IOException | UpstreamException e) {
      throw new RenderException(component.name(), "cannot count downstream changes for the Release bump: " + e.getMessage(), e);
    }
  }
}
