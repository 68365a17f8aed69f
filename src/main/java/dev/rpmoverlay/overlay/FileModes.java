package dev.rpmoverlay.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Normalized file modes: git only records the executable bit, so output is 0755 or 0644. */
public final class FileModes {
  private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");

  private FileModes() {}

  /**
   * Whether {@code file} is executable, as {@link Files#isExecutable} answers it ({@code access(2)}
   * with {@code X_OK}, a link followed), without its exception: JDK 17 answers "no" by throwing and
   * catching an {@code AccessDeniedException}, stack trace and all, once per plain file (7,600 in
   * the read-back of a full render's output).
   */
  public static boolean isExecutable(Path file) {
    return file.toFile().canExecute();
  }

  public static void apply(Path file, boolean executable) throws IOException {
    try {
      Files.setPosixFilePermissions(file, executable ? EXECUTABLE : REGULAR);
    } catch (UnsupportedOperationException e) {
      file.toFile().setExecutable(executable, false);
    }
  }
}
