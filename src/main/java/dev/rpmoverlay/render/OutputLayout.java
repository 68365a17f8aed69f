package dev.rpmoverlay.render;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where rendered components go: {@code <out>/<first character, lower-cased>/<name>/}. Staging
 * lives in {@code <out>/.rpmoverlay-staging/}, on the same file system, so a finished component
 * can be moved into place with a rename.
 */
public record OutputLayout(Path root) {
  public static final String STAGING_DIR = ".rpmoverlay-staging";
  public static final String FAILED_MARKER = "RENDER_FAILED";

  public Path componentDir(String name) {
    return root.resolve(letter(name)).resolve(name);
  }

  public static String letter(String name) {
    return name.substring(0, name.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT);
  }

  public Path stagingRoot() {
    return root.resolve(STAGING_DIR);
  }
}
