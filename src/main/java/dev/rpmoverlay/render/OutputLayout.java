package dev.rpmoverlay.render;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where rendered components go: {@code <out>/<first character, lower-cased>/<name>/}. Staging
 * lives in {@code <out>/.rpmoverlay-staging/}, on the same file system, so a finished component
 * can be moved into place with a rename: new content is written to {@code new/<name>}, the previous
 * dir is set aside in {@code old/<name>} during the swap, and dirs being deleted go to {@code
 * trash/} first (see {@link InterruptedSwaps}).
 */
public record OutputLayout(Path root) {
  public static final String STAGING_DIR = ".rpmoverlay-staging";
  public static final String FAILED_MARKER = "RENDER_FAILED";
  /** The output dir's lock file (see {@link ProjectLock}): one render writes into a dir at a time. */
  public static final String LOCK_FILE = ".rpmoverlay-lock";

  public Path componentDir(String name) {
    return root.resolve(letter(name)).resolve(name);
  }

  public static String letter(String name) {
    return name.substring(0, name.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT);
  }

  public Path stagingRoot() {
    return root.resolve(STAGING_DIR);
  }

  /** Where a component's new content is written before it is swapped in. */
  public Path stagedDir(String name) {
    return stagingRoot().resolve("new").resolve(name);
  }

  /** Where a component's previous dir waits between the two renames of a swap. */
  public Path setAsideDir(String name) {
    return stagingRoot().resolve("old").resolve(name);
  }

  /** Where a dir goes (by one rename) before it is deleted, so it never appears half-deleted. */
  public Path trashDir(String name) {
    return stagingRoot().resolve("trash").resolve(name);
  }
}
