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

  /** A directory's stamp and names, the names either as an array or as a slash-joined stretch of the text form. */
  private static final class Listing {
    private final long ino;
    private final long ctimeNanos;
    private volatile String[] names;
    private final String text;
    private final int from;
    private final int to;

    Listing(long ino, long ctimeNanos, String[] names) {
      this.ino = ino;
      this.ctimeNanos = ctimeNanos;
      this.names = names;
      this.text = null;
      this.from = 0;
      this.to = 0;
    }

    Listing(long ino, long ctimeNanos, String text, int from, int to) {
      this.ino = ino;
      this.ctimeNanos = ctimeNanos;
      this.text = text;
      this.from = from;
      this.to = to;
    }

    String[] names() {
      String[] n = names;
      if (n == null) {
        n = from == to ? NONE : text.substring(from, to).split("/");
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
    Reader reader = new Reader();
    lines.forEach(line -> reader.line(line, 0, line.length()));
    return reader.listings();
  }

  /**
   * Reads {@link #write}'s lines out of a larger text, by offsets, without a copy of each line:
   * this runs at the start of every no-op check, over 23,000 lines for the full distro.
   */
  public static final class Reader {
    private final Map<String, Listing> known = new HashMap<>();
    private final List<String> paths = new ArrayList<>();

    /**
     * The line {@code text[from, to)}.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public void line(String text, int from, int to) {
      int t1 = text.indexOf('\t', from);
      int t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
      int t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
      int t4 = t3 < 0 ? -1 : text.indexOf('\t', t3 + 1);
      int t5 = t4 < 0 ? -1 : text.indexOf('\t', t4 + 1);
      if (t4 < 0 || t4 >= to || t5 >= 0 && t5 < to) {
        throw new IllegalArgumentException("not a directory listing: " + text.substring(from, to));
      }
      int parent = Integer.parseInt(text, from, t1, 10);
      if (parent >= paths.size()) {
        throw new IllegalArgumentException("a directory listing before its parent's: " + text.substring(from, to));
      }
      String name = text.substring(t1 + 1, t2);
      String path = parent < 0 ? name : paths.get(parent) + "/" + name;
      paths.add(path);
      known.put(path, new Listing(Long.parseLong(text, t2 + 1, t3, 10), Long.parseLong(text, t3 + 1, t4, 10), text, t4 + 1, to));
    }

    public DirListings listings() {
      return new DirListings(known);
    }
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
