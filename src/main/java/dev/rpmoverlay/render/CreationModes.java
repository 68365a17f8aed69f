package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether files created in a directory keep the mode they are created with. Rendered files are
 * 0644 or 0755 (git records only the executable bit); with the usual umask (022) and no default
 * ACL, a file opened with that mode has it, and the {@code chmod} after each write (7,656 system
 * calls in a full-distro cold render) is not needed. A umask or default ACL that takes bits away
 * is found by one probe file per directory, and then every file is still set by {@code chmod}.
 * One instance per render: a directory is probed at most once per run.
 */
final class CreationModes {
  private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final FileAttribute<Set<PosixFilePermission>> EXECUTABLE_ON_CREATE = PosixFilePermissions.asFileAttribute(EXECUTABLE);
  private static final FileAttribute<Set<PosixFilePermission>> REGULAR_ON_CREATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

  private final Map<Path, Boolean> kept = new ConcurrentHashMap<>();

  /**
   * The attribute that creates a file in {@code dir} with its final mode, or empty when the mode
   * has to be set after the write.
   */
  Optional<FileAttribute<Set<PosixFilePermission>>> onCreate(Path dir, boolean executable) {
    if (!kept.computeIfAbsent(dir, CreationModes::keepsModes)) {
      return Optional.empty();
    }
    return Optional.of(executable ? EXECUTABLE_ON_CREATE : REGULAR_ON_CREATE);
  }

  /** Creates a file with mode 0755 in {@code dir}: if it has all those bits, 0644 keeps its too. */
  private static boolean keepsModes(Path dir) {
    Path probe = null;
    try {
      probe = Files.createTempFile(dir, ".rpmoverlay-mode-", ".probe", EXECUTABLE_ON_CREATE);
      return Files.getPosixFilePermissions(probe).equals(EXECUTABLE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    } finally {
      if (probe != null) {
        try {
          Files.deleteIfExists(probe);
        } catch (IOException e) {
          // a leftover probe in the staging area goes with it at the end of the run
        }
      }
    }
  }
}
