package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What one {@code lstat} says about a file without reading it: size, modification time,
 * status-change time, inode and device. Writing a file moves its status-change time, which no tool
 * can set back ({@code touch -d} and {@code cp -p} set the modification time and so move the
 * status-change time too), and replacing it gives another inode; so an equal stamp means the same
 * file, unwritten, provided its status-change time lies in an earlier file-system clock tick than
 * the moment its content was read (see {@link VerificationRecord}).
 */
public record FileStamp(long size, long mtimeNanos, long ctimeNanos, long inode, long device) {

  // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
  @Override
  public boolean equals(Object o) {
    return o instanceof FileStamp s && size == s.size && mtimeNanos == s.mtimeNanos && ctimeNanos == s.ctimeNanos
        && inode == s.inode && device == s.device;
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, mtimeNanos, ctimeNanos, inode, device);
  }

  private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,dev";
  private static final String REGULAR_ATTRIBUTES = "unix:mode," + ATTRIBUTES.substring("unix:".length());
  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;

  /**
   * The stamp of {@code file} itself (a link is not followed); empty when it cannot be read (gone,
   * or a file system without POSIX attributes: nothing is then trusted on the strength of stamps).
   */
  public static Optional<FileStamp> of(Path file) {
    return read(file, false);
  }

  /**
   * The stamp of {@code file} when it is a regular file (a link is not followed: the stamp of a link
   * says nothing about what it points to); empty when it is anything else or cannot be read.
   */
  public static Optional<FileStamp> ofRegularFile(Path file) {
    return read(file, true);
  }

  private static Optional<FileStamp> read(Path file, boolean regularOnly) {
    try {
      Map<String, Object> a = Files.readAttributes(file, regularOnly ? REGULAR_ATTRIBUTES : ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      if (regularOnly && ((Integer) a.get("mode") & S_IFMT) != S_IFREG) {
        return Optional.empty();
      }
      return Optional.of(new FileStamp((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
          ((Number) a.get("ino")).longValue(), ((Number) a.get("dev")).longValue()));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }
}
