package dev.rpmoverlay.render;

import dev.rpmoverlay.upstream.DirectoryNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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
    /** Found by a scan: its subdirectories' listings, added by the scan's threads. */
    private final Map<String, Listing> subdirs;
    /** Read from the text form: its line there, whose subdirectories' lines are looked up on demand. */
    private final Parsed parsed;
    private final int line;

    /** One found by a scan. */
    Listing(long ino, long ctimeNanos, String[] names) {
      this(ino, ctimeNanos, names, null, 0, 0, new ConcurrentHashMap<>(), null, -1);
    }

    /** Line {@code line} of the text form. */
    Listing(Parsed parsed, int line) {
      this(parsed.ino(line), parsed.ctime(line), null, parsed.text, parsed.namesFrom(line), parsed.to(line), null, parsed, line);
    }

    private Listing(long ino, long ctimeNanos, String[] names, String text, int from, int to, Map<String, Listing> subdirs,
        Parsed parsed, int line) {
      this.ino = ino;
      this.ctimeNanos = ctimeNanos;
      this.names = names;
      this.text = text;
      this.from = from;
      this.to = to;
      this.subdirs = subdirs;
      this.parsed = parsed;
      this.line = line;
    }

    /** The listing of subdirectory {@code name}, if this one has it. */
    Listing subdir(String name) {
      if (parsed == null) {
        return subdirs.get(name);
      }
      int child = parsed.child(line, name);
      return child < 0 ? null : new Listing(parsed, child);
    }

    /**
     * The listings of the subdirectories among {@link #names()}, at their index there (null where
     * none); null when there are none or they are only found by {@link #subdir}.
     */
    Listing[] subdirsByIndex() {
      if (parsed == null) {
        return null;
      }
      String[] all = names();
      int[] lines = parsed.childLines(line, all);
      if (lines == null) {
        return null;
      }
      Listing[] byIndex = new Listing[all.length];
      for (int i = 0; i < all.length; i++) {
        byIndex[i] = lines[i] < 0 ? null : new Listing(parsed, lines[i]);
      }
      return byIndex;
    }

    String[] names() {
      String[] n = names;
      if (n == null) {
        n = split(text, from, to);
        names = n;
      }
      return n;
    }

    boolean stamped(long ino, long ctimeNanos) {
      return this.ino == ino && this.ctimeNanos == ctimeNanos;
    }
  }

  /** The names {@code text[from, to)} joins with slashes (a hand-written split: 23,000 of them per no-op check). */
  private static String[] split(String text, int from, int to) {
    if (from == to) {
      return NONE;
    }
    int count = 1;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '/') {
        count++;
      }
    }
    String[] names = new String[count];
    int start = from;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '/') {
        names[n++] = text.substring(start, i);
        start = i + 1;
      }
    }
    names[n] = text.substring(start, to);
    return names;
  }

  /** Known listings of directories whose parent has none (the scan's roots, mostly), by path. */
  private final Map<String, Listing> known;
  /** What this scan found, by root path; null for a read-only view. */
  private final Map<String, Listing> scanned;

  /** Directories read from disk so far, not taken from a known listing. */
  private final AtomicInteger reads = new AtomicInteger();

  private DirListings(Map<String, Listing> known, Map<String, Listing> scanned) {
    this.known = known;
    this.scanned = scanned;
  }

  /** How many directories scans read from disk so far (their stamp moved, or none was known). */
  public int reads() {
    return reads.get();
  }

  /** No earlier listings: every directory is read. */
  public static DirListings none() {
    return new DirListings(Map.of(), new ConcurrentHashMap<>());
  }

  /**
   * The same known listings for a scan that only compares (the no-op check): it keeps nothing of
   * what it finds, since a check that finds a stamp moved hands the known listings, not its own,
   * to the render that follows (which reads again only the few directories that changed).
   */
  public DirListings readOnly() {
    return new DirListings(known, null);
  }

  /** Where a scan is: a directory, the listing it had before (if known) and the one this scan found. */
  public final class Cursor {
    private final Path dir;
    private final String key;
    private final Listing before;
    private final Map<String, Listing> foundIn;
    private Listing found;
    /** What {@link #names} returned. */
    private String[] names;
    /** When the names are the known listing's: its subdirectories' listings, by index in the names. */
    private Listing[] knownSubdirs;

    /** {@code key}: the directory's name in its parent's found listing, or a root's whole path. */
    private Cursor(Path dir, String key, Listing before, Map<String, Listing> foundIn) {
      this.dir = dir;
      this.key = key;
      this.before = before;
      this.foundIn = foundIn;
    }

    /** The names in the directory, sorted: the known ones if its stamp has not moved, else read now. */
    public String[] names(long ino, long ctimeNanos) throws IOException {
      String[] names;
      if (before != null && before.stamped(ino, ctimeNanos)) {
        names = before.names();
        knownSubdirs = before.subdirsByIndex();
      } else {
        names = DirectoryNames.of(dir);
        Arrays.sort(names);
        reads.incrementAndGet();
      }
      if (foundIn != null) {
        found = new Listing(ino, ctimeNanos, names);
        foundIn.put(key, found);
      }
      this.names = names;
      return names;
    }

    /** The cursor of the subdirectory at {@code index} in what {@link #names} returned, {@code path}. */
    public Cursor child(int index, Path path) {
      String name = names[index];
      Listing known = knownSubdirs != null ? knownSubdirs[index] : before == null ? null : before.subdir(name);
      if (known == null && before == null && !DirListings.this.known.isEmpty()) {
        known = DirListings.this.known.get(path.toString()); // its parent's listing was not kept
      }
      return new Cursor(path, name, known, found == null ? null : found.subdirs);
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
    String text = String.join("\n", lines);
    Reader reader = new Reader(text);
    for (int from = 0, i = 0; i < lines.size(); from += lines.get(i).length() + 1, i++) {
      reader.line(from, from + lines.get(i).length());
    }
    return reader.listings();
  }

  /**
   * Reads {@link #write}'s lines out of a larger text by offsets. This runs at the start of every
   * no-op check, over 23,000 lines for the full distro, so it only checks each line's shape and
   * notes where its fields are (and its stamp): a directory's listing is built when a scan reaches
   * it, and found among its parent's by one merge of the parent's names with its subdirectories'
   * lines, or by a binary search over the names in the text when the parent was read again
   * (siblings are written in name order). Only the lines without a parent line get a map entry.
   */
  public static final class Reader {
    private final String text;
    private int[] bounds = new int[7 * 1024]; // per line: from, t1, t2, t3, t4, to, parent
    private long[] stamps = new long[2 * 1024]; // per line: inode, status-change time
    private int lines;

    public Reader(String text) {
      this.text = text;
    }

    /**
     * The line {@code text[from, to)}.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public void line(int from, int to) {
      int t1 = text.indexOf('\t', from);
      int t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
      int t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
      int t4 = t3 < 0 ? -1 : text.indexOf('\t', t3 + 1);
      int t5 = t4 < 0 ? -1 : text.indexOf('\t', t4 + 1);
      if (t4 < 0 || t4 >= to || t5 >= 0 && t5 < to) {
        throw new IllegalArgumentException("not a directory listing: " + text.substring(from, to));
      }
      int parent = Integer.parseInt(text, from, t1, 10);
      if (parent >= lines) {
        throw new IllegalArgumentException("a directory listing before its parent's: " + text.substring(from, to));
      }
      if (bounds.length < 7 * (lines + 1)) {
        bounds = Arrays.copyOf(bounds, bounds.length * 2);
        stamps = Arrays.copyOf(stamps, stamps.length * 2);
      }
      stamps[2 * lines] = Long.parseLong(text, t2 + 1, t3, 10);
      stamps[2 * lines + 1] = Long.parseLong(text, t3 + 1, t4, 10);
      int b = 7 * lines++;
      bounds[b] = from;
      bounds[b + 1] = t1;
      bounds[b + 2] = t2;
      bounds[b + 3] = t3;
      bounds[b + 4] = t4;
      bounds[b + 5] = to;
      bounds[b + 6] = parent;
    }

    public DirListings listings() {
      if (lines == 0) {
        return none();
      }
      Parsed parsed = new Parsed(text, bounds, stamps, lines);
      Map<String, Listing> known = new HashMap<>();
      for (int i = 0; i < lines; i++) {
        if (bounds[7 * i + 6] < 0) {
          known.put(parsed.name(i), new Listing(parsed, i));
        }
      }
      return new DirListings(known, new ConcurrentHashMap<>());
    }
  }

  /** The lines of the text form, with each line's subdirectories' lines in name order. */
  private static final class Parsed {
    private final String text;
    /** Per line, seven ints: from, the four tabs' offsets, to, parent line (see {@link Reader}). */
    private final int[] bounds;
    /** Per line, its directory's inode and status-change time. */
    private final long[] stamps;
    /** The subdirectory lines of line {@code p}: {@code children[firstChild[p]]} up to {@code children[firstChild[p + 1]]}. */
    private final int[] firstChild;
    private final int[] children;

    Parsed(String text, int[] bounds, long[] stamps, int lines) {
      this.text = text;
      this.bounds = bounds;
      this.stamps = stamps;
      firstChild = new int[lines + 1];
      children = new int[lines];
      for (int i = 0; i < lines; i++) {
        if (parent(i) >= 0) {
          firstChild[parent(i) + 1]++;
        }
      }
      for (int p = 0; p < lines; p++) {
        firstChild[p + 1] += firstChild[p];
      }
      int[] next = Arrays.copyOf(firstChild, lines);
      for (int i = 0; i < lines; i++) {
        if (parent(i) >= 0) {
          children[next[parent(i)]++] = i; // in line order: a parent's subdirectories in name order
        }
      }
    }

    private int tab(int line, int n) {
      return bounds[7 * line + n];
    }

    private int parent(int line) {
      return bounds[7 * line + 6];
    }

    int to(int line) {
      return bounds[7 * line + 5];
    }

    String name(int line) {
      return text.substring(tab(line, 1) + 1, tab(line, 2));
    }

    long ino(int line) {
      return stamps[2 * line];
    }

    long ctime(int line) {
      return stamps[2 * line + 1];
    }

    int namesFrom(int line) {
      return tab(line, 4) + 1;
    }

    /** The line of subdirectory {@code name} of line {@code p}, or -1. */
    int child(int p, String name) {
      int lo = firstChild[p];
      int hi = firstChild[p + 1] - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = compareName(children[mid], name);
        if (c == 0) {
          return children[mid];
        }
        if (c < 0) {
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return -1;
    }

    /**
     * The lines of the subdirectories of line {@code p} among {@code names} (sorted), at their
     * index there, or -1; null when line {@code p} has none. One pass over both, both being in
     * name order: a binary search per name cost the full distro's no-op check 13 comparisons for
     * each of the 7,583 entries of the upstream cache.
     */
    int[] childLines(int p, String[] names) {
      int j = firstChild[p];
      int end = firstChild[p + 1];
      if (j == end) {
        return null;
      }
      int[] lines = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        int c = -1;
        while (j < end && (c = compareName(children[j], names[i])) < 0) {
          j++; // a subdirectory line for a name not in the listing: never reached
        }
        lines[i] = j < end && c == 0 ? children[j++] : -1;
      }
      return lines;
    }

    /** The line's name against {@code name}, in {@link String#compareTo} order, without a copy. */
    private int compareName(int line, String name) {
      int from = tab(line, 1) + 1;
      int length = tab(line, 2) - from;
      int n = Math.min(length, name.length());
      for (int i = 0; i < n; i++) {
        char a = text.charAt(from + i);
        char b = name.charAt(i);
        if (a != b) {
          return a - b;
        }
      }
      return length - name.length();
    }
  }

  /**
   * Appends one line per directory scanned whose status-change time is before {@code beforeNanos},
   * each after {@code prefix}. A directory changed later, in the clock tick its stamp was read in,
   * could change again without its stamp moving; one whose path or names hold a tab or line break
   * is left out too (the text form has no escapes). Either is simply read again next time.
   */
  public void write(StringBuilder sb, String prefix, long beforeNanos) {
    write(sb, prefix, beforeNanos, root -> true);
  }

  /** {@link #write(StringBuilder, String, long)}, only the trees under the roots {@code keep} accepts. */
  public void write(StringBuilder sb, String prefix, long beforeNanos, Predicate<String> keep) {
    if (scanned == null) {
      throw new IllegalStateException("a read-only view keeps no listings");
    }
    int[] count = {0};
    new TreeMap<>(scanned).forEach((root, l) -> {
      if (keep.test(root)) {
        write(sb, prefix, beforeNanos, root, l, -1, root, count);
      }
    });
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
