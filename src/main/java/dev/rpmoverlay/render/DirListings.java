package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names each directory held when a {@link TreeStamps} scan read it, with the directory's stamp
 * then: its inode and status-change time. Creating, removing or renaming an entry moves a
 * directory's status-change time, and nothing can set it back, so a later scan that finds the same
 * stamp can take the names from here instead of reading the directory (about nine system calls,
 * against one {@code lstat} per entry). Safe to use from several threads.
 *
 * <p>As text, one line per directory in path order, so a directory's parent comes before it:
 * {@code parent TAB name TAB inode TAB ctime TAB names}, where {@code parent} is the index of the
 * parent's line (the path is the parent's path, a slash and {@code name}) or -1 ({@code name} is
 * the whole path), and {@code names} are joined by slashes, which no file name holds.
 */
public final class DirListings {
  private static final String[] NONE = {};

  /** A directory's stamp and names, the names either as an array or as the text form's slash-joined string. */
  private static final class Listing {
    private final long ino;
    private final long ctimeNanos;
    private volatile String[] names;
    private final String joined;

    Listing(long ino, long ctimeNanos, String[] names) {
      this.ino = ino;
      this.ctimeNanos = ctimeNanos;
      this.names = names;
      this.joined = null;
    }

    Listing(long ino, long ctimeNanos, String joined) {
      this.ino = ino;
      this.ctimeNanos = ctimeNanos;
      this.joined = joined;
    }

    String[] names() {
      String[] n = names;
      if (n == null) {
        n = joined.isEmpty() ? NONE : joined.split("/");
        names = n;
      }
      return n;
    }

    boolean stamped(long ino, long ctimeNanos) {
      return this.ino == ino && this.ctimeNanos == ctimeNanos;
    }
  }

  private final Map<String, Listing> known;
  private final Map<String, Listing> scanned = new ConcurrentHashMap<>();

  private DirListings(Map<String, Listing> known) {
    this.known = known;
  }

  /** No earlier listings: every directory is read. */
  public static DirListings none() {
    return new DirListings(Map.of());
  }

  /** Listings for a later scan: what this one found (safe to trust wherever the stamp still matches). */
  public DirListings forNextScan() {
    return new DirListings(Map.copyOf(scanned));
  }

  /**
   * The listings of {@link #write}'s lines.
   *
   * @throws IllegalArgumentException for a line that is not one
   */
  public static DirListings parse(List<String> lines) {
    Map<String, Listing> known = new HashMap<>(lines.size() * 2);
    String[] paths = new String[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      // by hand, and the names split only when used: this runs at the start of every no-op check
      String line = lines.get(i);
      int t1 = line.indexOf('\t');
      int t2 = line.indexOf('\t', t1 + 1);
      int t3 = line.indexOf('\t', t2 + 1);
      int t4 = line.indexOf('\t', t3 + 1);
      if (t1 < 0 || t2 < 0 || t3 < 0 || t4 < 0 || line.indexOf('\t', t4 + 1) >= 0) {
        throw new IllegalArgumentException("not a directory listing: " + line);
      }
      int parent = Integer.parseInt(line, 0, t1, 10);
      if (parent >= i) {
        throw new IllegalArgumentException("a directory listing before its parent's: " + line);
      }
      String name = line.substring(t1 + 1, t2);
      paths[i] = parent < 0 ? name : paths[parent] + "/" + name;
      known.put(paths[i], new Listing(Long.parseLong(line, t2 + 1, t3, 10), Long.parseLong(line, t3 + 1, t4, 10), line.substring(t4 + 1)));
    }
    return new DirListings(known);
  }

  /**
   * Appends one line per directory scanned whose status-change time is before {@code beforeNanos},
   * each after {@code prefix}. A directory changed later, in the clock tick its stamp was read in,
   * could change again without its stamp moving; one whose path or names hold a tab or line break
   * is left out too (the text form has no escapes). Either is simply read again next time.
   */
  public void write(StringBuilder sb, String prefix, long beforeNanos) {
    List<String> dirs = new ArrayList<>();
    scanned.forEach((dir, l) -> {
      if (l.ctimeNanos < beforeNanos && plain(dir) && Arrays.stream(l.names()).allMatch(DirListings::plain)) {
        dirs.add(dir);
      }
    });
    dirs.sort(null);
    Map<String, Integer> index = new HashMap<>(dirs.size() * 2);
    for (String dir : dirs) {
      Listing l = scanned.get(dir);
      int slash = dir.lastIndexOf('/');
      Integer parent = slash > 0 ? index.get(dir.substring(0, slash)) : null;
      sb.append(prefix).append(parent == null ? -1 : parent).append('\t').append(parent == null ? dir : dir.substring(slash + 1))
          .append('\t').append(l.ino).append('\t').append(l.ctimeNanos).append('\t').append(String.join("/", l.names())).append('\n');
      index.put(dir, index.size());
    }
  }

  private static boolean plain(String s) {
    return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
  }

  /** The names in {@code dir}, sorted: the known ones if its stamp has not moved, else read now. */
  String[] names(Path dir, long ino, long ctimeNanos) throws IOException {
    String key = dir.toString();
    Listing before = known.get(key);
    Listing now;
    if (before != null && before.stamped(ino, ctimeNanos)) {
      now = before;
    } else {
      List<String> names = new ArrayList<>();
      try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
        for (Path child : list) {
          names.add(child.getFileName().toString());
        }
      }
      names.sort(null);
      now = new Listing(ino, ctimeNanos, names.toArray(NONE));
    }
    scanned.put(key, now);
    return now.names();
  }
}
