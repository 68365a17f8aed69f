package dev.rpmoverlay.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What a project load looked at on disk, each path with its stamp taken just before the load read
 * it: the config files it parsed, the directories its include globs listed, and the paths whose
 * existence or place it checked (with the directories between them and the project dir, so that a
 * symbolic link swapped in anywhere along the way shows). A later run that finds every stamp the
 * same would read the same bytes and names, so it would load the same project ({@link
 * ProjectSnapshot}).
 *
 * <p>A stamp proves nothing about a write in the same tick of the file-system clock as the stamped
 * change, so a path changed within a tick margin of the load leaves the load unprovable, as does
 * any symbolic link the load followed or matched: its target's changes show in no stamp here.
 * Thread-safe: config files are parsed, and so stamped, on several threads.
 */
final class LoadReads {
  /** For loads that keep no snapshot: records nothing. */
  static final LoadReads NONE = new LoadReads(false);

  /**
   * A path's stamp: a regular file's inode, status-change time, size and modification time; a
   * listed directory's inode and times (which move whenever an entry is added, removed or
   * renamed); only the type and inode of a checked path or of a directory on the way to one (its
   * existence and place matter, not what it holds); or its absence.
   */
  record Stamp(char kind, long ino, long ctimeNanos, long size, long mtimeNanos) {
    // written out: generated ones spin method-handle classes at first use, ~25 ms of CPU on the
    // thread that reads the project snapshot ahead (HandWrittenRecordMethodsTest)
    @Override
    public boolean equals(Object o) {
      return o instanceof Stamp s && kind == s.kind && ino == s.ino && ctimeNanos == s.ctimeNanos && size == s.size
          && mtimeNanos == s.mtimeNanos;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(kind, ino, ctimeNanos, size, mtimeNanos);
    }

    static final char FILE = 'F';
    static final char LISTED_DIR = 'D';
    static final char DIR = 'I';
    static final char SOME_FILE = 'R';
    static final char ABSENT = 'A';
    static final Stamp NONE = new Stamp(ABSENT, 0, 0, 0, 0);

    /** Whether only the type and inode count, as for a checked path. */
    boolean identityOnly() {
      return kind == DIR || kind == SOME_FILE;
    }

    /** How much this kind proves: a listed directory's stamp includes a passed-through one's. */
    int strength() {
      return identityOnly() ? 0 : 1;
    }
  }

  private static final String ATTRIBUTES = "unix:mode,ino,ctime,size,lastModifiedTime";
  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFDIR = 0040000;

  private final boolean recording;
  private final Map<Path, Stamp> stamps = new ConcurrentHashMap<>();
  private volatile String unprovable;

  private LoadReads(boolean recording) {
    this.recording = recording;
  }

  static LoadReads recording() {
    return new LoadReads(true);
  }

  /** A config file about to be read. */
  void file(Path file) {
    record(file, false);
  }

  /** A directory about to be listed. */
  void listing(Path dir) {
    record(dir, false);
  }

  /** A file or directory a glob matched by name that is a symbolic link. */
  void linkMatched(Path link) {
    if (recording) {
      unprovable("symbolic link " + link);
    }
  }

  /**
   * A path about to be checked for existence, or for whether it stays inside {@code projectDir}
   * (null: no such check): the path and every directory up to the project dir; when the path is
   * missing, up to the directory that would change when it is created.
   */
  void checked(Path path, Path projectDir) {
    if (!recording) {
      return;
    }
    boolean inside = projectDir != null && path.startsWith(projectDir) && !path.equals(projectDir);
    Stamp s = record(path, true);
    for (Path p = path.getParent(); p != null; p = p.getParent()) {
      boolean childMissing = s != null && s.kind() == Stamp.ABSENT;
      if (inside && p.equals(projectDir) || !inside && !childMissing) {
        if (childMissing) {
          record(p, false); // creating the missing path adds an entry here
        }
        return;
      }
      s = record(p, !childMissing);
    }
  }

  /** Why the load cannot be proved unchanged later, if it cannot. */
  Optional<String> unprovable() {
    return Optional.ofNullable(unprovable);
  }

  /** Every stamp, by path. */
  Map<Path, Stamp> stamps() {
    return new TreeMap<>(stamps);
  }

  private void unprovable(String why) {
    if (unprovable == null) {
      unprovable = why;
    }
  }

  /** Stamps {@code path} (only its type and inode, or all of it), or returns null. */
  private Stamp record(Path path, boolean identityOnly) {
    if (!recording) {
      return null;
    }
    long nowNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()); // before the stat, so no later than it
    Stamp s;
    try {
      s = stamp(path, identityOnly);
    } catch (IOException e) {
      unprovable("cannot stat " + path + ": " + e.getMessage());
      return null;
    }
    if (s == null) {
      unprovable("symbolic link or special file " + path);
      return null;
    }
    if (s.kind() != Stamp.ABSENT && !s.identityOnly() && nowNanos - s.ctimeNanos() < tickMargin(s.ctimeNanos())) {
      // a write later in the same tick of the file-system clock would leave the same stamp
      unprovable(path + " changed just now");
    }
    stamps.merge(path, s, (a, b) -> a.strength() >= b.strength() ? a : b);
    return s;
  }

  /** How far a file time may lag the wall clock: a second where times are whole seconds, else 50 ms. */
  static long tickMargin(long timeNanos) {
    return timeNanos % 1_000_000_000L == 0 ? 1_000_000_000L : 50_000_000L;
  }

  /**
   * The current stamp of {@code path}: only its type and inode, or all of it; null for a symbolic
   * link or special file, which no stamp here can vouch for.
   */
  static Stamp stamp(Path path, boolean identityOnly) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Stamp.NONE;
    }
    int type = (Integer) a.get("mode") & S_IFMT;
    long ino = ((Number) a.get("ino")).longValue();
    if (type != S_IFDIR && type != S_IFREG) {
      return null;
    }
    if (identityOnly) {
      return new Stamp(type == S_IFDIR ? Stamp.DIR : Stamp.SOME_FILE, ino, 0, 0, 0);
    }
    long ctime = nanos((FileTime) a.get("ctime"));
    long mtime = nanos((FileTime) a.get("lastModifiedTime"));
    return type == S_IFDIR ? new Stamp(Stamp.LISTED_DIR, ino, ctime, 0, mtime) : new Stamp(Stamp.FILE, ino, ctime, (Long) a.get("size"), mtime);
  }

  private static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }
}
