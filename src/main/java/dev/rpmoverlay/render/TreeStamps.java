package dev.rpmoverlay.render;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.rpmoverlay.concurrent.ParallelMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashSet;
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
 *
 * <p>This runs over 54,000 entries in every no-op check of the full distro, mostly before the JIT
 * has compiled it, so each entry costs one attribute read and a few hasher calls: a file's stamp
 * goes straight into its directory's hash, and only directories that hold an excluded path look
 * their entries up among the exclusions.
 */
public final class TreeStamps {
  /** Called for every regular file scanned (for the caller's own checks of its stamp). */
  public interface Visitor {
    void visit(Path file, FileStamp stamp);
  }

  /**
   * What a scan records of a regular file. Writing a file moves its status-change time, which no
   * tool can set back; so a file whose stamp is the one read right after it was written still
   * holds what was written, unless it was written again within the same tick of the file-system
   * clock (see {@link #settled}).
   */
  public record FileStamp(long ino, long ctimeNanos, long size, long mtimeNanos) {
    /** The stamp of the regular file {@code file} (not following a link), as a scan reads it. */
    public static FileStamp of(Path file) throws IOException {
      Map<String, Object> a = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      if (((Integer) a.get("mode") & S_IFMT) != S_IFREG) {
        throw new IOException(file + " is not a regular file");
      }
      return of(a);
    }

    private static FileStamp of(Map<String, Object> a) {
      return new FileStamp(((Number) a.get("ino")).longValue(), nanos((FileTime) a.get("ctime")), (Long) a.get("size"),
          nanos((FileTime) a.get("lastModifiedTime")));
    }

    /**
     * Whether, at {@code nowNanos} (wall clock), the file-system clock has surely moved past the
     * tick this stamp's status-change time is in, so that any later write gives a later one. File
     * times come from a clock that lags the wall clock by up to a tick (a few milliseconds), or
     * are whole seconds on some file systems: hence the margin.
     */
    public boolean settled(long nowNanos) {
      return nowNanos - ctimeNanos >= tickMargin(ctimeNanos);
    }

    /** How far a file time may lag the wall clock: a second where times are whole seconds, else 50 ms. */
    public static long tickMargin(long timeNanos) {
      return timeNanos % 1_000_000_000L == 0 ? 1_000_000_000L : 50_000_000L;
    }
  }

  /** The trees hold a symbolic link or a file type whose stamp cannot be trusted. */
  public static final class UnstampableException extends Exception {
    public UnstampableException(String message) {
      super(message);
    }
  }

  private final Set<Path> excluded;
  /** The directories that hold an excluded path: only their entries are looked up in {@link #excluded}. */
  private final Set<Path> holdingExcluded = new HashSet<>();
  private final DirListings listings;
  private final Visitor visitor;

  private TreeStamps(Set<Path> excluded, DirListings listings, Visitor visitor) {
    this.excluded = excluded;
    excluded.forEach(e -> {
      if (e.getParent() != null) {
        holdingExcluded.add(e.getParent());
      }
    });
    this.listings = listings;
    this.visitor = visitor;
  }

  /**
   * The digest of {@code roots} (each a directory, walked whole, or a single file; a missing root
   * counts as missing, so its later appearance changes the digest), leaving out {@code excluded}
   * paths and everything below them. A directory's hash covers its entries' names in name order
   * and their stamps, so the digest depends neither on the order the file system lists them in nor
   * on the order they are scanned in: the top two levels are scanned in parallel ({@code visitor}
   * is called from several threads). A directory in {@code listings} with the same stamp is not
   * read again; every directory scanned is added to {@code listings} unless it is
   * {@linkplain DirListings#readOnly() read-only}.
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
      return ParallelMap.map(roots, s::rootUnchecked);
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

  /** Carries an {@link UnstampableException} out of a {@link ParallelMap} task. */
  private static final class Unstampable extends RuntimeException {
    Unstampable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * What an entry contributes to its directory's hash: a file's stamp, a directory's own hash
   * (over its entries), or nothing but its absence (a root, or an entry removed while it was
   * scanned).
   */
  private record Stamp(byte kind, long ino, long ctimeNanos, long size, long mtimeNanos, HashCode tree) {
    static final Stamp MISSING = new Stamp((byte) 'M', 0, 0, 0, 0, null);

    void putInto(Hasher hasher) {
      hasher.putByte(kind);
      if (kind == 'F') {
        hasher.putLong(ino).putLong(ctimeNanos).putLong(size).putLong(mtimeNanos);
      } else if (kind == 'D') {
        hasher.putBytes(tree.asBytes());
      }
    }
  }

  private HashCode rootUnchecked(Path root) {
    Hasher hasher = Hashing.murmur3_128().newHasher();
    // the root itself may be reached through a link (e.g. /work -> /mnt/work); nothing below it
    stampUnchecked(root, -1, null, 0).putInto(hasher);
    return hasher.hash();
  }

  private Stamp stampUnchecked(Path path, int index, DirListings.Cursor parent, int depth) {
    try {
      return stamp(path, index, parent, depth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnstampableException e) {
      throw new Unstampable(e.getMessage());
    }
  }

  /** The stamp of {@code path}: a root when {@code parent} is null, else entry {@code index} of the names of the directory {@code parent} is at. */
  private Stamp stamp(Path path, int index, DirListings.Cursor parent, int depth) throws IOException, UnstampableException {
    Map<String, Object> a;
    try {
      a = parent == null ? Files.readAttributes(path, ATTRIBUTES) : Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Stamp.MISSING;
    }
    int type = (Integer) a.get("mode") & S_IFMT;
    if (type == S_IFREG) {
      FileStamp f = FileStamp.of(a);
      visitor.visit(path, f);
      return new Stamp((byte) 'F', f.ino(), f.ctimeNanos(), f.size(), f.mtimeNanos(), null);
    }
    if (type == S_IFLNK) {
      throw new UnstampableException("symbolic link " + path);
    }
    if (type != S_IFDIR) {
      throw new UnstampableException("special file " + path);
    }
    // A directory's own times are left out: creating and deleting a lock or temporary file in it
    // moves them, and what matters about a directory, the names in it, is hashed below.
    DirListings.Cursor here = parent == null ? listings.root(path) : parent.child(index, path);
    String[] all = here.names(((Number) a.get("ino")).longValue(), nanos((FileTime) a.get("ctime")));
    int[] kept = null; // indexes into all, when some entries are excluded
    if (holdingExcluded.contains(path)) {
      kept = IntStream.range(0, all.length).filter(i -> !excluded.contains(path.resolve(all[i]))).toArray();
    }
    int count = kept == null ? all.length : kept.length;
    Hasher hasher = Hashing.murmur3_128().newHasher();
    hasher.putInt(count);
    if (depth < 2) {
      int[] indexes = kept != null ? kept : IntStream.range(0, count).toArray();
      List<Stamp> stamps;
      try {
        stamps = ParallelMap.map(Arrays.stream(indexes).boxed().toList(), i -> stampUnchecked(path.resolve(all[i]), i, here, depth + 1));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (Unstampable e) {
        throw new UnstampableException(e.getMessage());
      }
      for (int k = 0; k < count; k++) {
        putName(hasher, all[indexes[k]]);
        stamps.get(k).putInto(hasher);
      }
    } else {
      for (int k = 0; k < count; k++) {
        int i = kept == null ? k : kept[k];
        putName(hasher, all[i]);
        stamp(path.resolve(all[i]), i, here, depth + 1).putInto(hasher);
      }
    }
    return new Stamp((byte) 'D', 0, 0, 0, 0, hasher.hash());
  }

  private static void putName(Hasher hasher, String name) {
    hasher.putString(name, StandardCharsets.UTF_8).putByte((byte) 0);
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }

  /** The file type bits of {@code st_mode}, and the types a scan meets. */
  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;

  /** Five attributes, not more: the map each read builds is most of a scan's garbage. */
  private static final String ATTRIBUTES = "unix:mode,ino,ctime,size,lastModifiedTime";
}
