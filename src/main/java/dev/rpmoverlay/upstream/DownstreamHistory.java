package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads a component's downstream changes from the project's own git history: every commit (oldest
 * first) at which the component's lock file has a different {@code input-fingerprint} than at the
 * commit before, as azldev's synthetic history does (docs/azldev-compatibility.md §4.5), except where the
 * lock's {@code fingerprint-scheme} changed too: then only the way of fingerprinting changed. The count is the
 * static release bump; the subjects become changelog entries.
 */
public final class DownstreamHistory implements AutoCloseable {
  // One repository for every lock of a render: opening it reads the pack indexes, which for a
  // distro-sized project (thousands of locks and cache files committed) costs far more than the
  // walk itself when repeated per component.
  private final Repository repo;
  private final Path workTree;
  // a few lock-dir trees (1 MB each for 7,583 locks): the ones the components' histories share
  // (a LinkedHashMap in access order, not Guava's cache: its set-up alone was ~10 JFR samples of a
  // one-component render)
  private final Map<ObjectId, Map<String, ObjectId>> lockDirTrees = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ObjectId, Map<String, ObjectId>> eldest) {
      return size() > 16;
    }
  };
  private final Map<String, LockDirHistory> historyByDir = new HashMap<>();
  private final String codeIdentity; // null: keep no answers for the next command
  private LockHistoryCache kept; // opened on first use
  private RevWalk keptCommits; // parses the commits kept answers name

  private DownstreamHistory(Repository repo, Path workTree, String codeIdentity) {
    this.repo = repo;
    this.workTree = workTree;
    this.codeIdentity = codeIdentity;
  }

  /**
   * The history of the git work tree that holds {@code dir}; without one (or in a bare repository)
   * every lock has no changes.
   */
  public static DownstreamHistory open(Path dir) throws IOException {
    return open(dir, null);
  }

  /**
   * {@link #open(Path)}, keeping which commits changed each lock in the git dir for the next
   * command with the same HEAD ({@link LockHistoryCache}).
   *
   * @param codeIdentity names the running build of rpmoverlay (a kept answer from another is not used);
   *     null keeps nothing
   */
  public static DownstreamHistory open(Path dir, String codeIdentity) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().normalize().toFile());
    if (builder.getGitDir() == null) {
      return new DownstreamHistory(null, null, null);
    }
    Repository repo = builder.setMustExist(true).build();
    if (repo.isBare()) {
      repo.close();
      return new DownstreamHistory(null, null, null);
    }
    return new DownstreamHistory(repo, repo.getWorkTree().toPath().toRealPath(), codeIdentity);
  }

  /**
   * The changes of the lock file {@code lockFile}; empty when the project is not in a git
   * repository or the lock was never committed.
   *
   * @throws UpstreamException when the history is shallow and does not reach the lock's first commit
   */
  public static List<DownstreamChange> changes(Path lockFile) throws IOException {
    return changes(lockFile, false);
  }

  /** {@link #changesOf} in a history opened for this one lock. */
  public static List<DownstreamChange> changes(Path lockFile, boolean commitStable) throws IOException {
    try (DownstreamHistory history = open(lockFile.toAbsolutePath().normalize().getParent())) {
      return history.changesOf(lockFile, commitStable);
    }
  }

  /**
   * The changes of the lock file {@code lockFile}. With {@code commitStable} (the default rule,
   * docs/release.md "Commit-stable rendering"), a change takes its author, day and subject from the
   * lock's change note when it has one, not from the project commit, and a work-tree lock whose
   * fingerprint differs from the last committed one is one more (pending) change: so rendering
   * before committing gives what rendering after committing gives. Without it, azldev's rule: only
   * committed changes, described by their commits. Safe to call from several threads.
   */
  public List<DownstreamChange> changesOf(Path lockFile, boolean commitStable) throws IOException {
    if (repo == null) {
      return List.of();
    }
    Path abs = lockFile.toAbsolutePath().normalize();
    String rel = workTree.relativize(realParent(abs).resolve(abs.getFileName())).toString().replace('\\', '/');
    List<RevCommit> newestFirst = new ArrayList<>();
    if (repo.resolve("HEAD") != null) {
      newestFirst.addAll(touching(rel));
    } else if (!commitStable) {
      return List.of();
    }
    Collections.reverse(newestFirst);
    checkNotShallow(repo, newestFirst, lockFile);
    List<DownstreamChange> changes = new ArrayList<>();
    String previous = "";
    int previousScheme = 0;
    for (RevCommit c : newestFirst) {
      Optional<LockFile> lock = lockAt(c, rel);
      String fingerprint = lock.map(LockFile::inputFingerprint).orElse("");
      int scheme = lock.map(LockFile::fingerprintScheme).orElse(0);
      // a tool upgrade that recomputes every fingerprint must not bump every release in the distro
      boolean rekeyedOnly = !previous.isEmpty() && previousScheme != scheme;
      if (lock.isPresent() && !fingerprint.equals(previous) && !rekeyedOnly) {
        changes.add(commitStable && lock.get().note().isPresent() ? fromNote(lock.get())
            : new DownstreamChange(c.name(), c.getAuthorIdent().getName(), c.getAuthorIdent().getEmailAddress(),
                c.getAuthorIdent().getWhenAsInstant(), c.getShortMessage(), c.getFullMessage(), lock.get().upstreamCommit()));
      }
      previous = fingerprint;
      previousScheme = scheme;
    }
    if (commitStable && Files.isRegularFile(abs)) {
      LockFile current = LockStore.parse(Files.readString(abs, StandardCharsets.UTF_8), abs.toString());
      boolean rekeyedOnly = !previous.isEmpty() && previousScheme != current.fingerprintScheme();
      if (!current.inputFingerprint().equals(previous) && !rekeyedOnly) {
        changes.add(current.note().isPresent() ? fromNote(current) : unnoted(repo, current));
      }
    }
    return changes;
  }

  @Override
  public void close() {
    if (repo != null) {
      synchronized (this) {
        if (kept != null) {
          kept.save();
        }
        if (keptCommits != null) {
          keptCommits.close();
        }
      }
      repo.close();
    }
  }

  /** A change described by its lock's note: no project commit id, which is unknown before the commit. */
  private static DownstreamChange fromNote(LockFile lock) {
    ChangeNote n = lock.note();
    return new DownstreamChange("", n.author(), n.email(), n.instant(), n.subject(), n.subject(), lock.upstreamCommit());
  }

  /**
   * A pending change in a lock without a note (hand-written, or from azldev): the repository's user
   * and HEAD's date. Its Release number is commit-stable, its changelog entry is not.
   */
  private static DownstreamChange unnoted(Repository repo, LockFile lock) throws IOException {
    org.eclipse.jgit.lib.UserConfig user = repo.getConfig().get(org.eclipse.jgit.lib.UserConfig.KEY);
    java.time.Instant when = java.time.Instant.EPOCH;
    org.eclipse.jgit.lib.ObjectId head = repo.resolve("HEAD^{commit}");
    if (head != null) {
      try (RevWalk walk = new RevWalk(repo)) {
        when = walk.parseCommit(head).getAuthorIdent().getWhenAsInstant();
      }
    }
    String name = user.getAuthorName() == null ? "rpmoverlay" : user.getAuthorName();
    String email = user.getAuthorEmail() == null ? "rpmoverlay@localhost" : user.getAuthorEmail();
    return new DownstreamChange("", name, email, when, "Uncommitted change", "Uncommitted change", lock.upstreamCommit());
  }

  /**
   * A shallow clone whose oldest lock-touching commit is a shallow boundary may be missing older
   * changes, which would silently give a smaller release bump.
   */
  private static void checkNotShallow(Repository repo, List<RevCommit> oldestFirst, Path lockFile) throws IOException {
    if (!oldestFirst.isEmpty() && repo.getObjectDatabase().getShallowCommits().contains(oldestFirst.get(0).getId())) {
      throw new UpstreamException("the project clone is shallow and its history of " + lockFile
          + " may be incomplete, so the downstream release bump would be wrong; run 'git fetch --unshallow'");
    }
  }

  private static Path realParent(Path abs) throws IOException {
    return abs.getParent().toRealPath();
  }

  /** The commits that changed {@code rel} (a path in the work tree), newest first: {@code git log -- rel}. */
  List<RevCommit> touching(String rel) throws IOException {
    LockHistoryCache cache = kept();
    Optional<List<ObjectId>> known = cache == null ? Optional.empty() : cache.touching(rel);
    if (known.isPresent()) {
      try {
        return parsed(known.get());
      } catch (IOException e) {
        // a commit the file names is not in this repository after all: walk, as without the file
      }
    }
    return walkTouching(rel, cache);
  }

  /**
   * The commits {@code ids}, parsed by one walk for every lock: the commit that imported a distro
   * touched every lock, and is read once, not once per component. RevWalk is not thread-safe.
   */
  private synchronized List<RevCommit> parsed(List<ObjectId> ids) throws IOException {
    if (keptCommits == null) {
      keptCommits = new RevWalk(repo);
    }
    List<RevCommit> commits = new ArrayList<>(ids.size());
    for (ObjectId id : ids) {
      commits.add(keptCommits.parseCommit(id));
    }
    return commits;
  }

  /** What the history cache keeps, for the current HEAD; null when nothing is kept. */
  private synchronized LockHistoryCache kept() throws IOException {
    if (kept == null && codeIdentity != null) {
      ObjectId head = repo.resolve("HEAD^{commit}");
      if (head != null) {
        kept = LockHistoryCache.open(repo, head, codeIdentity);
      }
    }
    return kept;
  }

  /** Finds the commits in the history; those of a walk from the HEAD {@code cache} is for are kept in it. */
  private List<RevCommit> walkTouching(String rel, LockHistoryCache cache) throws IOException {
    int slash = rel.lastIndexOf('/');
    LockDirHistory dirHistory = dirHistory(slash < 0 ? "" : rel.substring(0, slash));
    Optional<List<RevCommit>> walked = dirHistory.touching(rel.substring(slash + 1));
    if (walked.isPresent()) {
      if (cache != null && cache.head().equals(dirHistory.head())) { // HEAD may have moved since the file was read
        cache.put(rel, walked.get().stream().map(RevCommit::getId).toList());
      }
      return walked.get();
    }
    try (Git git = new Git(repo)) {
      List<RevCommit> newestFirst = new ArrayList<>();
      git.log().addPath(rel).call().forEach(newestFirst::add);
      return newestFirst;
    } catch (GitAPIException e) {
      throw new IOException("cannot read the project history of " + rel + ": " + e.getMessage(), e);
    }
  }

  private synchronized LockDirHistory dirHistory(String dir) throws IOException {
    LockDirHistory known = historyByDir.get(dir);
    if (known == null) {
      known = LockDirHistory.read(repo, dir);
      historyByDir.put(dir, known);
    }
    return known;
  }

  private Optional<LockFile> lockAt(RevCommit commit, String path) throws IOException {
    int slash = path.lastIndexOf('/');
    ObjectId dir = LockDirHistory.dirTree(repo, commit, slash < 0 ? "" : path.substring(0, slash));
    ObjectId entry = dir == null ? null : entriesOf(dir).get(path.substring(slash + 1));
    if (entry == null) {
      return Optional.empty();
    }
    ObjectLoader loader = repo.open(entry);
    if (loader.getType() != Constants.OBJ_BLOB) {
      return Optional.empty(); // a directory named like a lock is no lock
    }
    String text = new String(loader.getBytes(), StandardCharsets.UTF_8);
    try {
      return Optional.of(LockStore.parse(text, path + " at " + commit.abbreviate(12).name()));
    } catch (UpstreamException e) {
      return Optional.empty(); // an unreadable historical lock counts as no lock at that commit
    }
  }

  /**
   * The entries of one tree by name. Every component looks its lock up in the same few lock-dir
   * trees; a path lookup scans the tree in order, which over thousands of locks made the whole
   * render quadratic, so each tree is read once.
   */
  private Map<String, ObjectId> entriesOf(ObjectId tree) throws IOException {
    synchronized (lockDirTrees) {
      Map<String, ObjectId> known = lockDirTrees.get(tree);
      if (known != null) {
        return known;
      }
    }
    Map<String, ObjectId> entries = readEntries(tree); // outside the lock: another thread may read another tree
    synchronized (lockDirTrees) {
      lockDirTrees.putIfAbsent(tree.copy(), entries);
    }
    return entries;
  }

  private Map<String, ObjectId> readEntries(ObjectId tree) throws IOException {
    Map<String, ObjectId> entries = new HashMap<>();
    try (TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(tree);
      tw.setRecursive(false);
      while (tw.next()) {
        entries.put(tw.getNameString(), tw.getObjectId(0));
      }
    }
    return entries;
  }
}
