package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * How one lock dir's entries changed over the history reachable from HEAD, read in one walk for
 * every lock instead of one {@code git log -- dir/NAME} per lock (each of which compares the lock
 * dir's tree at every commit: quadratic over a distro). Without merges, every entry's commits are
 * recorded directly. With merges, each commit's changed entries against each parent are recorded,
 * and {@link #touching} replays JGit's per-path history simplification over them.
 */
final class LockDirHistory {
  private final Map<String, List<RevCommit>> linear; // null when the history has merges
  private final Map<RevCommit, List<Map<String, Boolean>>> changes; // per parent: entry -> parent lacks it
  private final Set<String> treeNames;
  private final RevCommit head;

  private LockDirHistory(Map<String, List<RevCommit>> linear, Map<RevCommit, List<Map<String, Boolean>>> changes,
      Set<String> treeNames, RevCommit head) {
    this.linear = linear;
    this.changes = changes;
    this.treeNames = treeNames;
    this.head = head;
  }

  /** Reads the history of {@code dir} (relative to the work tree, "" for its root); HEAD must exist. */
  static LockDirHistory read(Repository repo, String dir) throws IOException {
    List<RevCommit> newestFirst = new ArrayList<>();
    RevCommit head;
    boolean merges = false;
    try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      head = walk.parseCommit(repo.resolve("HEAD^{commit}"));
      walk.markStart(head);
      for (RevCommit c : walk) {
        merges |= c.getParentCount() > 1;
        newestFirst.add(c);
      }
      // every commit's lock-dir tree is asked for twice (for the commit and as its child's
      // parent): looked up once, with one reader for the whole walk
      Map<RevCommit, Optional<ObjectId>> dirTrees = new HashMap<>();
      Function<RevCommit, ObjectId> treeOf = c -> dirTrees.computeIfAbsent(c, k -> dirTree(reader, k, dir)).orElse(null);
      try {
        if (!merges) {
          Map<String, List<RevCommit>> touches = new HashMap<>();
          for (RevCommit c : newestFirst) {
            ObjectId now = treeOf.apply(c);
            ObjectId before = c.getParentCount() == 0 ? null : treeOf.apply(c.getParent(0));
            for (String name : changed(reader, before, now, new HashSet<>()).keySet()) {
              touches.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
            }
          }
          return new LockDirHistory(touches, null, Set.of(), head);
        }
        Map<RevCommit, List<Map<String, Boolean>>> changes = new HashMap<>();
        Set<String> treeNames = new HashSet<>();
        for (RevCommit c : newestFirst) {
          ObjectId now = treeOf.apply(c);
          List<Map<String, Boolean>> perParent = new ArrayList<>();
          if (c.getParentCount() == 0) {
            perParent.add(changed(reader, null, now, treeNames));
          }
          for (RevCommit p : c.getParents()) {
            perParent.add(changed(reader, treeOf.apply(p), now, treeNames));
          }
          changes.put(c, perParent);
        }
        return new LockDirHistory(null, changes, treeNames, head);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /** The commit the walk started from. */
  ObjectId head() {
    return head;
  }

  /**
   * {@code git log -- dir/name}, newest first; empty when only {@code git log} can tell: a name that
   * is a directory somewhere in a history with merges (JGit then counts the files inside it).
   */
  Optional<List<RevCommit>> touching(String name) {
    if (linear != null) {
      return Optional.of(linear.getOrDefault(name, List.of()));
    }
    return treeNames.contains(name) ? Optional.empty() : Optional.of(replay(name));
  }

  /**
   * As JGit computes it (PendingGenerator with TreeRevFilter): commits popped newest commit time
   * first (ties in insertion order); a commit is listed when the entry differs from its only
   * parent, or from every parent of a merge; a merge equal to one parent follows only that parent;
   * a parent that lacks the entry while the merge has it loses its own parents; a commit without
   * parents is listed when it has the entry.
   */
  private List<RevCommit> replay(String name) {
    List<RevCommit> out = new ArrayList<>();
    List<RevCommit> pending = new ArrayList<>();
    Set<RevCommit> seen = new HashSet<>();
    Set<RevCommit> cut = new HashSet<>();
    pending.add(head);
    seen.add(head);
    while (!pending.isEmpty()) {
      RevCommit c = pending.remove(0);
      RevCommit[] parents = cut.contains(c) ? new RevCommit[0] : c.getParents();
      List<Map<String, Boolean>> diffs = changes.get(c);
      boolean produce;
      if (parents.length == 0) {
        // a root's changes are against the empty tree, so this is "has the entry"; a commit cut
        // from its parents (by this replay, for this entry) lacks it
        produce = !cut.contains(c) && diffs.get(0).containsKey(name);
      } else if (parents.length == 1) {
        produce = diffs.get(0).containsKey(name);
      } else {
        produce = true;
        for (int i = 0; i < parents.length; i++) {
          Boolean added = diffs.get(i).get(name);
          if (added == null) {
            parents = new RevCommit[] {parents[i]};
            produce = false;
            break;
          }
          if (added) {
            cut.add(parents[i]);
          }
        }
      }
      for (RevCommit p : parents) {
        if (seen.add(p)) {
          int at = 0;
          while (at < pending.size() && pending.get(at).getCommitTime() >= p.getCommitTime()) {
            at++;
          }
          pending.add(at, p);
        }
      }
      if (produce) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The entries that differ (mode or object) between two lock-dir trees (null = none), each with
   * whether {@code before} lacks it; names that are a tree on either side go into {@code treeNames}.
   */
  private static Map<String, Boolean> changed(ObjectReader reader, ObjectId before, ObjectId after, Set<String> treeNames) throws IOException {
    if (Objects.equals(before, after)) {
      return Map.of();
    }
    Map<String, Boolean> changed = new HashMap<>();
    try (TreeWalk tw = new TreeWalk(reader)) {
      if (before == null) {
        tw.addTree(new EmptyTreeIterator());
      } else {
        tw.addTree(before);
      }
      if (after == null) {
        tw.addTree(new EmptyTreeIterator());
      } else {
        tw.addTree(after);
      }
      tw.setRecursive(false);
      tw.setFilter(TreeFilter.ANY_DIFF);
      while (tw.next()) {
        if (FileMode.TREE.equals(tw.getRawMode(0)) || FileMode.TREE.equals(tw.getRawMode(1))) {
          treeNames.add(tw.getNameString());
        }
        changed.put(tw.getNameString(), tw.getRawMode(0) == 0);
      }
    }
    return changed;
  }

  /** The tree of {@code dir} at {@code commit}; null when it has none there. */
  static ObjectId dirTree(Repository repo, RevCommit commit, String dir) throws IOException {
    try (ObjectReader reader = repo.newObjectReader()) {
      return dirTree(reader, commit, dir).orElse(null);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Optional<ObjectId> dirTree(ObjectReader reader, RevCommit commit, String dir) {
    if (dir.isEmpty()) {
      return Optional.of(commit.getTree().copy());
    }
    try (TreeWalk tw = TreeWalk.forPath(reader, dir, commit.getTree())) {
      return tw == null || !tw.isSubtree() ? Optional.empty() : Optional.of(tw.getObjectId(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
