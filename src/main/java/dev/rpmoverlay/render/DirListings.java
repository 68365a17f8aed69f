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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names each directory held when a {@link TreeStamps} scan read it, with the directory's stamp
 * then: its inode and status-change time. Creating, removing or renaming an entry moves a
 * directory's status-change time, and nothing can set it back, so a later scan that finds the same
 * stamp can take the names from here instead of reading the directory (about nine system calls,
 * against one {@code lstat} per entry). Safe to use from several threads.
 *
 * <p>Kept as a tree (a directory's listing holds its subdirectories'), so a scan steps from a
 * directory to its subdirectory by name and never builds or hashes a path string: the no-op check
 * of the full distro steps through 23,000 of them.
 *
 * <p>As text, one line per directory, depth first with names in order, so a directory's parent
 * comes before it:
 * {@code parent TAB name TAB inode TAB ctime TAB names}, where {@code parent} is the index of the
 * parent's line (the path is the parent's path, a slash and {@code name}) or -1 ({@code name} is
 * the whole path), and {@code names} are joined by slashes, which no file name holds.
 */
public final class DirListings {
  private static final String[] NONE = {};

  /** A directory's stamp, names (an array, or a slash-joined stretch of the text form) and subdirectories' listings. */
  private static final class Listing {
    private final long ino;
    private final long ctimeNanos;
    private volatile String[] names;
    private final String text;
    private final int from;
    private final int to;
    private final Map<String, Listing> subdirs;

    /** One found by a scan: its subdirectories are added by the scan's threads. */
    Listing(long ino, long ctimeNanos, String[] names) {
      this(ino, ctimeNanos, names, null, 0, 0, new ConcurrentHashMap<>());
    }

    /** One read from the text form. */
    Listing(long ino, long ctimeNanos, String text, int from, int to) {
      this(ino, ctimeNanos, null, text, from, to, new HashMap<>());
    }

    private Listing(long ino, long ctimeNanos, String[] names, String text, int from, int to, Map<String, Listing> subdirs) {
      this.ino = ino;
      this.ctimeNanos = ctimeNanos;
      this.names = names;
      this.text = text;
      this.from = from;
      this.to = to;
      this.subdirs = subdirs;
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

  /** Known listings of directories whose parent has none (the scan's roots, mostly), by path. */
  private final Map<String, Listing> known;
  /** What this scan found, by root path. */
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

  /** Where a scan is: a directory, the listing it had before (if known) and the one this scan found. */
  public final class Cursor {
    private final Path dir;
    private final String key;
    private final Listing before;
    private final Map<String, Listing> foundIn;
    private Listing found;

    /** {@code key}: the directory's name in its parent's found listing, or a root's whole path. */
    private Cursor(Path dir, String key, Listing before, Map<String, Listing> foundIn) {
      this.dir = dir;
      this.key = key;
      this.before = before;
      this.foundIn = foundIn;
    }

    /** The names in the directory, sorted: the known ones if its stamp has not moved, else read now. */
    public String[] names(long ino, long ctimeNanos) throws IOException {
      if (before != null && before.stamped(ino, ctimeNanos)) {
        found = new Listing(ino, ctimeNanos, before.names());
      } else {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
          for (Path child : list) {
            names.add(child.getFileName().toString());
          }
        }
        names.sort(null);
        found = new Listing(ino, ctimeNanos, names.toArray(NONE));
      }
      foundIn.put(key, found);
      return found.names;
    }

    /** The cursor of subdirectory {@code name}, after {@link #names}. */
    public Cursor child(String name, Path path) {
      Listing known = before == null ? null : before.subdirs.get(name);
      if (known == null && before == null) {
        known = DirListings.this.known.get(path.toString()); // its parent's listing was not kept
      }
      return new Cursor(path, name, known, found.subdirs);
    }
  }

  /** The cursor of a scan's root. */
  public Cursor root(Path root) {
    String path = root.toString();
    return new Cursor(root, path, known.get(path), scanned);
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
    private final List<Listing> lines = new ArrayList<>();

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
      if (parent >= lines.size()) {
        throw new IllegalArgumentException("a directory listing before its parent's: " + text.substring(from, to));
      }
      Listing l = new Listing(Long.parseLong(text, t2 + 1, t3, 10), Long.parseLong(text, t3 + 1, t4, 10), text, t4 + 1, to);
      (parent < 0 ? known : lines.get(parent).subdirs).put(text.substring(t1 + 1, t2), l);
      lines.add(l);
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
    int[] count = {0};
    new TreeMap<>(scanned).forEach((root, l) -> write(sb, prefix, beforeNanos, root, l, -1, root, count));
  }

  private static void write(StringBuilder sb, String prefix, long beforeNanos, String path, Listing l, int parent, String name, int[] count) {
    int index = -1;
    if (l.ctimeNanos < beforeNanos && plain(path) && Arrays.stream(l.names()).allMatch(DirListings::plain)) {
      sb.append(prefix).append(parent).append('\t').append(parent < 0 ? path : name)
          .append('\t').append(l.ino).append('\t').append(l.ctimeNanos).append('\t').append(String.join("/", l.names())).append('\n');
      index = count[0]++;
    }
    int self = index;
    new TreeMap<>(l.subdirs).forEach((child, sub) -> write(sb, prefix, beforeNanos, path + "/" + child, sub, self, child, count));
  }

  private static boolean plain(String s) {
    return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
  }
}
