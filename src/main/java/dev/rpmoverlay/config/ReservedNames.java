package dev.rpmoverlay.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names rpmoverlay refuses where they would become files or directories it writes.
 *
 * <p>A path component {@code .git} (any case, and the spellings Windows and macOS file systems
 * treat as the same name) would turn written content into a working git repository: its {@code
 * config} can name commands ({@code core.fsmonitor}, hooks) that {@code git status} in that
 * directory runs. So no output dir, cache entry or overlay destination may contain one.
 *
 * <p>Component names become directory names in the output dir and the upstream cache next to
 * rpmoverlay's own ({@code .rpmoverlay-staging}, {@code .rpmoverlay-render-state}, {@code
 * .staging-*}, {@code .old-*}), so they must be RPM package names: ASCII letters, digits and
 * {@code . _ + -}, starting with a letter, digit or {@code _}, which never starts with a dot.
 */
public final class ReservedNames {
  private static final Pattern PACKAGE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]*");

  private ReservedNames() {}

  /** Whether {@code name} is usable as a component name (a valid RPM package name). */
  public static boolean isValidComponentName(String name) {
    return PACKAGE_NAME.matcher(name).matches();
  }

  /**
   * Whether {@code segment} names a git directory: {@code .git} in any case, also with trailing
   * dots or spaces (Windows drops them) and as the 8.3 short name {@code git~1}.
   */
  public static boolean isGitDir(String segment) {
    String s = segment.toLowerCase(Locale.ROOT);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(0, end).equals(".git") || s.equals("git~1");
  }

  /** Whether any {@code /}- or {@code \}-separated component of {@code relativePath} names a git directory. */
  public static boolean hasGitDir(String relativePath) {
    for (String segment : relativePath.split("[/\\\\]", -1)) {
      if (isGitDir(segment)) {
        return true;
      }
    }
    return false;
  }
}
