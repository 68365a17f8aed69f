package dev.rpmoverlay.render;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.IntStream;

/**
 * One digest over the stamps of every file and directory under a list of roots: its path, size,
 * modification time, status-change time and inode, read with one {@code lstat} per entry and no
 * file contents. Two scans give the same digest only when no file was added, removed, renamed or
 * written in between (writing changes the status-change time, which no tool can set back, so even
 * {@code touch -d} or {@code cp -p} onto a file is noticed).
 *
 * <p>A symbolic link anywhere below a root makes the trees unstampable: the stamp of a link says
 * nothing about what it points to.
 *
 * <p>Reading a directory costs about nine system calls against one {@code lstat} per file, and a
 * tree of 7,583 components has 23,000 directories, so a scan can be given the {@link DirListings} of
 * an earlier one: a directory whose own stamp has not moved still holds the names it held then.
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
  private final DirListings listings;
  private final Visitor visitor;

  private TreeStamps(Set<Path> excluded, DirListings listings, Visitor visitor) {
    this.excluded = excluded;
    this.listings = listings;
    this.visitor = visitor;
  }

  /**
   * The digest of {@code roots} (each a directory, walked whole, or a single file; a missing root
   * counts as missing, so its later appearance changes the digest), leaving out {@code excluded}
   * paths and everything below them. A directory's hash covers its entries' names in name order
   * and their hashes, so the digest depends neither on the order the file system lists them in nor
   * on the order they are scanned in: the top two levels are scanned in parallel ({@code visitor}
   * is called from several threads). A directory in {@code listings} with the same stamp is not
   * read again; every directory scanned is added to {@code listings}.
   */
  public static String digest(List<Path> roots, Set<Path> excluded, DirListings listings, Visitor visitor) throws IOException, UnstampableException {
    return combine(roots, rootHashes(roots, excluded, listings, visitor));
  }

  /**
   * The hashes of each root, which {@link #combine} turns into the digest: roots scanned at
   * different moments (or on different threads) give the same digest as one {@link #digest}.
   */
  public static List<HashCode> rootHashes(List<Path> roots, Set<Path> excluded, DirListings listings, Visitor visitor) throws IOException, UnstampableException {
    TreeStamps s = new TreeStamps(excluded, listings, visitor);
    try {
      return roots.parallelStream().map(r -> s.hashUnchecked(r, null, null, 0)).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (Unstampable e) {
      throw new UnstampableException(e.getMessage());
    }
  }

  /** The digest of {@code roots} from their {@link #rootHashes}, in the same order. */
  public static String combine(List<Path> roots, List<HashCode> hashes) {
    if (roots.size() != hashes.size()) {
      throw new IllegalArgumentException(roots.size() + " roots, " + hashes.size() + " hashes");
    }
    Hasher h = Hashing.murmur3_128().newHasher();
    hashes.forEach(c -> h.putBytes(c.asBytes()));
    for (Path root : roots) {
      h.putString(root.toString(), StandardCharsets.UTF_8).putByte((byte) 0);
    }
    return h.hash().toString();
  }

  /** Carries an {@link UnstampableException} out of a parallel stream. */
  private static final class Unstampable extends RuntimeException {
    Unstampable(String message) {
      super(message, null, false, false);
    }
  }

  private HashCode hashUnchecked(Path path, String name, DirListings.Cursor parent, int depth) {
    try {
      return hash(path, name, parent, depth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnstampableException e) {
      throw new Unstampable(e.getMessage());
    }
  }

  /** The hash of {@code path}: a root when {@code parent} is null, else entry {@code name} of the directory {@code parent} is at. */
  private HashCode hash(Path path, String name, DirListings.Cursor parent, int depth) throws IOException, UnstampableException {
    Hasher hasher = Hashing.murmur3_128().newHasher();
    Map<String, Object> a;
    try {
      // the root itself may be reached through a link (e.g. /work -> /mnt/work); nothing below it
      a = parent == null ? Files.readAttributes(path, ATTRIBUTES) : Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return hasher.putByte((byte) 'M').hash();
    }
    if ((Boolean) a.get("isSymbolicLink")) {
      throw new UnstampableException("symbolic link " + path);
    }
    boolean dir = (Boolean) a.get("isDirectory");
    if (!dir && !(Boolean) a.get("isRegularFile")) {
      throw new UnstampableException("special file " + path);
    }
    if (!dir) {
      // A directory's own times are left out: creating and deleting a lock or temporary file in it
      // moves them, and what matters about a directory, the names in it, is hashed below.
      long ctime = nanos((FileTime) a.get("ctime"));
      hasher.putByte((byte) 'F').putLong(((Number) a.get("ino")).longValue()).putLong(ctime)
          .putLong((Long) a.get("size")).putLong(nanos((FileTime) a.get("lastModifiedTime")));
      visitor.visit(path, ctime);
      return hasher.hash();
    }
    hasher.putByte((byte) 'D');
    DirListings.Cursor here = parent == null ? listings.root(path) : parent.child(name, path);
    String[] all = here.names(((Number) a.get("ino")).longValue(), nanos((FileTime) a.get("ctime")));
    List<String> names = new ArrayList<>(all.length);
    List<Path> children = new ArrayList<>(all.length);
    for (String n : all) {
      Path child = path.resolve(n);
      if (!excluded.contains(child)) {
        names.add(n);
        children.add(child);
      }
    }
    hasher.putInt(children.size());
    List<HashCode> hashes;
    if (depth < 2) {
      try {
        hashes = IntStream.range(0, children.size()).parallel().mapToObj(i -> hashUnchecked(children.get(i), names.get(i), here, depth + 1)).toList();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (Unstampable e) {
        throw new UnstampableException(e.getMessage());
      }
    } else {
      hashes = new ArrayList<>(children.size());
      for (int i = 0; i < children.size(); i++) {
        hashes.add(hash(children.get(i), names.get(i), here, depth + 1));
      }
    }
    for (int i = 0; i < children.size(); i++) {
      hasher.putString(names.get(i), StandardCharsets.UTF_8).putByte((byte) 0).putBytes(hashes.get(i).asBytes());
    }
    return hasher.hash();
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }

  private static final String ATTRIBUTES = "unix:isSymbolicLink,isDirectory,isRegularFile,ino,ctime,size,lastModifiedTime";
}
