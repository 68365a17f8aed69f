package dev.rpmoverlay.release;

import java.util.Optional;

/**
 * Supplies files a spec pulls in with {@code %include}, by path relative to the package
 * directory (the spec's directory), as they are at the commit being read.
 */
@FunctionalInterface
public interface IncludeResolver {
  Optional<String> read(String relativePath);

  /** A resolver for specs read without their other files: every include is missing. */
  static IncludeResolver none() {
    return path -> Optional.empty();
  }
}
