package dev.rpmoverlay.upstream;

import dev.rpmoverlay.config.ReservedNames;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Checks for names that become file names: components, and relative paths inside a cache entry. */
final class ComponentNames {
  private ComponentNames() {}

  /** A component name that is a valid RPM package name ({@link ReservedNames}), else an exception. */
  static String checked(String component) {
    if (!ReservedNames.isValidComponentName(component)) {
      throw new UpstreamException("'" + component + "' is not a valid component name for the upstream cache");
    }
    return component;
  }

  /** {@code base/rel}, provided {@code rel} is relative, stays inside {@code base} and has no {@code .git} component. */
  static Path safeRelative(Path base, String rel, Supplier<UpstreamException> error) {
    if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\")) {
      throw error.get();
    }
    for (String part : rel.split("/", -1)) {
      // A '.git' directory in the cache would make upstream-cache/<c>/files a working repository
      // whose config runs commands on 'git status' (and 'git add' would silently skip it).
      if (part.isEmpty() || part.equals(".") || part.equals("..") || ReservedNames.isGitDir(part)) {
        throw error.get();
      }
    }
    return base.resolve(rel);
  }
}
