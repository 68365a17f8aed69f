package dev.rpmoverlay.render;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One digest over the stamps of every file and directory under a list of roots: its path, size,
 * modification time, status-change time and inode, read with one {@code lstat} per entry and no
 * file contents. Two scans give the same digest only when no file was added, removed, renamed or
 * written in between (writing changes the status-change time, which no tool can set back, so even
 * {@code touch -d} or {@code cp -p} onto a file is noticed).
 *
 * <p>A symbolic link anywhere below a root makes the trees unstampable: the stamp of a link says
 * nothing about what it points to.
 */
public final class TreeStamps {
  /** Called for every regular file scanned (for the caller's own checks of change times). */
  public interface Visitor {
    void visit(Path file, long ctimeNanos);
  }

  /** The trees hold a symbolic link or a file type whose stamp cannot be trusted. */
  public static final class UnstampableException extends Exception {
    public UnstampableException(String message) {
      super(message);
    }
  }

  private final Set<Path> excluded;
  private final Visitor visitor;
  private final Hasher hasher = Hashing.murmur3_128().newHasher();
  private int entries;

  private TreeStamps(Set<Path> excluded, Visitor visitor) {
    this.excluded = excluded;
    this.visitor = visitor;
  }

  /**
   * The digest of {@code roots} (each a directory, walked whole, or a single file; a missing root
   * counts as missing, so its later appearance changes the digest), leaving out {@code excluded}
   * paths and everything below them. Entries are visited in name order, so the digest does not
   * depend on the order the file system lists them in.
   */
  public static String digest(List<Path> roots, Set<Path> excluded, Visitor visitor) throws IOException, UnstampableException {
    TreeStamps s = new TreeStamps(excluded, visitor);
    for (Path root : roots) {
      s.hasher.putString(root.toString(), StandardCharsets.UTF_8).putByte((byte) 0);
      s.visit(root, true);
    }
    return s.hasher.putInt(s.entries).hash().toString();
  }

  private void visit(Path path, boolean root) throws IOException, UnstampableException {
    Map<String, Object> a;
    try {
      // the root itself may be reached through a link (e.g. /work -> /mnt/work); nothing below it
      a = root ? Files.readAttributes(path, ATTRIBUTES) : Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      hasher.putByte((byte) 'M');
      return;
    }
    if ((Boolean) a.get("isSymbolicLink")) {
      throw new UnstampableException("symbolic link " + path);
    }
    boolean dir = (Boolean) a.get("isDirectory");
    if (!dir && !(Boolean) a.get("isRegularFile")) {
      throw new UnstampableException("special file " + path);
    }
    entries++;
    if (!dir) {
      // A directory's own times are left out: creating and deleting a lock or temporary file in it
      // moves them, and what matters about a directory, the names in it, is hashed below.
      long ctime = nanos((FileTime) a.get("ctime"));
      hasher.putByte((byte) 'F').putLong(((Number) a.get("ino")).longValue()).putLong(ctime)
          .putLong((Long) a.get("size")).putLong(nanos((FileTime) a.get("lastModifiedTime")));
      visitor.visit(path, ctime);
      return;
    }
    hasher.putByte((byte) 'D');
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> list = Files.newDirectoryStream(path)) {
      for (Path child : list) {
        if (!excluded.contains(child)) {
          children.add(child);
        }
      }
    }
    children.sort(null);
    hasher.putInt(children.size());
    for (Path child : children) {
      hasher.putString(child.getFileName().toString(), StandardCharsets.UTF_8).putByte((byte) 0);
      visit(child, false);
    }
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }

  private static final String ATTRIBUTES = "unix:isSymbolicLink,isDirectory,isRegularFile,ino,ctime,size,lastModifiedTime";
}
