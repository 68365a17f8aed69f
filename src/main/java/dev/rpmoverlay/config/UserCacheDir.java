package dev.rpmoverlay.config;

import java.nio.file.Path;
import java.util.Map;

/** rpmoverlay's directory in the user's cache: the dist-git mirrors and the project snapshots live under it. */
public final class UserCacheDir {
  private UserCacheDir() {}

  /** {@code $XDG_CACHE_HOME/rpmoverlay}, else {@code ~/.cache/rpmoverlay}. */
  public static Path of(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("rpmoverlay");
  }
}
