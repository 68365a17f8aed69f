package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The file-system clock at one moment: the status-change time of a probe file written then, and
 * its device. A record of file stamps taken as a proof of content (read the content, then the
 * stamp) keeps only files whose status-change time {@link #precedes} a probe taken before any of
 * them was read: any write after the probe gives a status-change time at or after it, which no tool
 * can set back, while a write in the probe's own clock tick could be followed by another that
 * leaves the stamp as it was. Files on another device are never kept: another file system may keep
 * another clock, or coarser times.
 */
record ClockProbe(long ctimeNanos, long device) {

  /**
   * Writes the probe file {@code name} in {@code dir} (the dir created if needed; a file or link in
   * its place is replaced, never written through) and reads its stamp; empty when it cannot be
   * written. The file stays until {@link #remove}.
   */
  static Optional<ClockProbe> take(Path dir, String name) {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(dir);
        Files.createDirectories(dir);
      }
      Path probe = dir.resolve(name);
      Files.deleteIfExists(probe);
      Files.write(probe, new byte[] {0}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return FileStamp.of(probe).map(s -> new ClockProbe(s.ctimeNanos(), s.device()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Removes the probe file {@link #take} wrote (nothing when it is gone). */
  static void remove(Path dir, String name) {
    try {
      Files.deleteIfExists(dir.resolve(name));
    } catch (IOException ignored) {
      // rewritten by the next probe
    }
  }

  /** Whether a file with {@code stamp}, read after its content, had its last change before this probe. */
  boolean precedes(FileStamp stamp) {
    return stamp.ctimeNanos() < ctimeNanos && stamp.device() == device;
  }
}
