package dev.rpmoverlay.upstream;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Checks for names that become file names: components, and relative paths inside a cache entry. */
final class ComponentNames {
  private ComponentNames() {}

  /** A component name that is a safe single file name (azldev's rule), else an exception. */
  static String checked(String component) {
    if (component.isEmpty() || component.equals(".") || component.equals("..") || component.contains("/")
        || component.contains("\\") || component.startsWith(".")) {
      throw new UpstreamException("'" + component + "' is not a valid component name for the upstream cache");
    }
    return component;
  }

  /** {@code base/rel}, provided {@code rel} is relative and stays inside {@code base}. */
  static Path safeRelative(Path base, String rel, Supplier<UpstreamException> error) {
    if (rel.isEmpty() || rel.startsWith("/") || rel.contains("\\")) {
      throw error.get();
    }
    for (String part : rel.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw error.get();
      }
    }
    return base.resolve(rel);
  }
}
