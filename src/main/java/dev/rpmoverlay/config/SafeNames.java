package dev.rpmoverlay.config;

/**
 * azldev's {@code fileutils.ValidateFilename}: a name usable as one path component; rpmoverlay also
 * refuses {@code .git} (see {@link ReservedNames#isGitDir}).
 */
final class SafeNames {
  private SafeNames() {}

  static boolean isSafeFilename(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0
        && !ReservedNames.isGitDir(name);
  }
}
