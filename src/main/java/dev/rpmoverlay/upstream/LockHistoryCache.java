package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Which commits changed each lock file, as {@link DownstreamHistory#touching} found them, kept in
 * {@code <git-dir>/rpmoverlay/lock-history} for the next command: finding them walks the whole
 * history reachable from HEAD (every commit and its root tree), the largest fixed cost of a
 * one-component {@code render}, {@code diff} or {@code explain}, where the answer for one lock is
 * a line of this file.
 *
 * <p>Why a kept answer is exact: which commits changed a path is a function of the commit graph
 * reachable from HEAD, which the HEAD commit id names by content (git objects never change), of
 * the shallow boundary ({@code .git/shallow}, which cuts parents off), and of the code that walks
 * it. All three are the file's key: a file written for another HEAD, another shallow set or
 * another build of rpmoverlay is ignored and replaced. Only the commit ids are kept; each
 * command still reads those commits, the lock at each and the work tree's lock from git itself.
 * A missing, damaged or unwritable file only means the walk is done, as before.
 */
final class LockHistoryCache {
  static final String DIR = "rpmoverlay";
  static final String FILE_NAME = "lock-history";
  private static final String HEADER = "# rpmoverlay lock history v1";
  /** How old a temporary file must be to count as left behind by a killed save. */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);
  private static final String END = "end\n"; // a file cut short is never read as complete

  private final Path file;
  private final ObjectId head;
  private final String key;
  private final Map<String, List<ObjectId>> known = new ConcurrentHashMap<>();
  private volatile boolean added;

  private LockHistoryCache(Path file, ObjectId head, String key) {
    this.file = file;
    this.head = head;
    this.key = key;
  }

  /**
   * The kept answers for {@code repo}'s current HEAD (none when the file holds another key).
   *
   * @param codeIdentity names the build of rpmoverlay that walks the history
   */
  static LockHistoryCache open(Repository repo, ObjectId head, String codeIdentity) throws IOException {
    String shallow = repo.getObjectDatabase().getShallowCommits().stream().map(ObjectId::name).sorted()
        .collect(Collectors.joining(","));
    String key = "head " + head.name() + "\nshallow " + shallow + "\ncode " + codeIdentity.replace('\n', ' ') + "\n";
    LockHistoryCache cache = new LockHistoryCache(repo.getDirectory().toPath().resolve(DIR).resolve(FILE_NAME), head.copy(), key);
    cache.load();
    return cache;
  }

  /** The HEAD commit whose history the answers are for. */
  ObjectId head() {
    return head;
  }

  /** The commits, newest first, that changed {@code path} (relative to the work tree), if kept. */
  Optional<List<ObjectId>> touching(String path) {
    return Optional.ofNullable(known.get(path));
  }

  /** Keeps the commits, newest first, that changed {@code path}. */
  void put(String path, List<ObjectId> newestFirst) {
    if (path.indexOf('\n') < 0 && path.indexOf('\t') < 0 && known.putIfAbsent(path, List.copyOf(newestFirst)) == null) {
      added = true;
    }
  }

  /** Writes the file (atomically) when this run added answers; a failure to write is no error. */
  void save() {
    if (!added) {
      return;
    }
    StringBuilder sb = new StringBuilder(HEADER).append('\n').append(key);
    new TreeMap<>(known).forEach((path, ids) -> {
      sb.append(path).append('\t');
      for (int i = 0; i < ids.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(ids.get(i).name());
      }
      sb.append('\n');
    });
    sb.append(END);
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp");
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Renames.replace(tmp, file);
      added = false;
      removeStaleTemporaries();
    } catch (IOException | RuntimeException e) {
      // read-only .git, full disk: the next command walks the history again, as without the file
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }

  /**
   * Removes what a command killed while saving left behind: a temporary file older than any save
   * still running could be (a save takes milliseconds), so a concurrent command's is left alone.
   */
  private void removeStaleTemporaries() throws IOException {
    FileTime before = FileTime.from(Instant.now().minus(STALE_AFTER));
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(), FILE_NAME + ".*.tmp")) {
      for (Path leftover : leftovers) {
        if (Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
          Files.deleteIfExists(leftover);
        }
      }
    }
  }

  private void load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return; // none yet, or unreadable: walk
    }
    String head = HEADER + "\n" + key;
    if (!text.startsWith(head) || !text.endsWith("\n" + END)) {
      return; // another HEAD, shallow set or build, or cut short
    }
    Map<String, List<ObjectId>> read = new TreeMap<>();
    for (String line : text.substring(head.length(), text.length() - END.length()).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        return; // damaged: trust none of it
      }
      List<ObjectId> ids = new ArrayList<>();
      String rest = line.substring(tab + 1);
      if (!rest.isEmpty()) {
        for (String id : rest.split(" ")) {
          if (!ObjectId.isId(id)) {
            return;
          }
          ids.add(ObjectId.fromString(id));
        }
      }
      read.put(line.substring(0, tab), List.copyOf(ids));
    }
    known.putAll(read);
  }
}
