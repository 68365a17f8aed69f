package dev.rpmoverlay.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Which components changed between two commits of the project's repository ({@code rpmoverlay
 * changed}, azldev's {@code component changed}), read from git objects without a checkout.
 *
 * <p>A component's <b>inputs</b> are its lock file ({@code <lock-dir>/NAME.lock}, whose input
 * fingerprint covers its config, overlay files and upstream selection, and whose commit and bump
 * counter say what upstream and how many downstream changes) and its upstream cache entry
 * ({@code <upstream-cache>/NAME/}); its <b>output</b> is its rendered dir ({@code <rendered>/L/NAME/}).
 * Rendered output that changed while the inputs did not is an anomaly: a hand edit of the output,
 * or a render that is not deterministic (or a renderer upgrade, which the commit should then say).
 */
public final class ChangedComponents {

  /** What happened to the component between the two commits. */
  public enum Change {
    ADDED("added"),
    REMOVED("removed"),
    CHANGED("changed");

    private final String label;

    Change(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One changed component.
   *
   * @param inputs whether its lock or upstream cache entry changed
   * @param output whether its rendered dir changed
   * @param paths the changed paths, relative to the repository, sorted
   */
  public record Row(String component, Change change, boolean inputs, boolean output, List<String> paths) {
    public Row {
      paths = List.copyOf(paths);
    }

    /** Output changed while the inputs did not. */
    public boolean anomaly() {
      return output && !inputs;
    }
  }

  /**
   * Where the project keeps its component files, as paths relative to the repository's work tree
   * with {@code /} separators.
   */
  public record Layout(String lockDir, String upstreamCacheDir, String renderedDir) {

    /** The layout of a project whose dirs are {@code lockDir} etc., inside {@code workTree}. */
    public static Layout of(Path workTree, Path lockDir, Path upstreamCacheDir, Path renderedDir) {
      return new Layout(rel(workTree, lockDir), rel(workTree, upstreamCacheDir), rel(workTree, renderedDir));
    }

    private static String rel(Path workTree, Path dir) {
      Path real = dir.toAbsolutePath().normalize();
      if (!real.startsWith(workTree)) {
        throw new IllegalArgumentException(dir + " is outside the git work tree " + workTree);
      }
      return workTree.relativize(real).toString().replace('\\', '/');
    }
  }

  private ChangedComponents() {}

  /** The components changed from {@code from} to {@code to}, sorted by name. */
  public static List<Row> between(Repository repo, ObjectId from, ObjectId to, Layout layout) throws IOException {
    Map<String, List<String>> inputs = new TreeMap<>();
    Map<String, List<String>> outputs = new TreeMap<>();
    Map<String, Boolean> existedBefore = new TreeMap<>();
    Map<String, Boolean> existsAfter = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
      RevCommit a = walk.parseCommit(from);
      RevCommit b = walk.parseCommit(to);
      tw.setRecursive(true);
      tw.addTree(a.getTree());
      tw.addTree(b.getTree());
      List<String> dirs = new ArrayList<>();
      for (String d : List.of(layout.lockDir(), layout.upstreamCacheDir(), layout.renderedDir())) {
        if (!d.isEmpty()) {
          dirs.add(d);
        }
      }
      tw.setFilter(dirs.isEmpty() ? TreeFilter.ALL : PathFilterGroup.createFromStrings(dirs));
      for (DiffEntry e : DiffEntry.scan(tw)) {
        for (String path : List.of(e.getOldPath(), e.getNewPath())) {
          if (path.equals(DiffEntry.DEV_NULL)) {
            continue;
          }
          Optional<Owner> owner = owner(path, layout);
          if (owner.isEmpty()) {
            continue;
          }
          Map<String, List<String>> into = owner.get().input() ? inputs : outputs;
          List<String> paths = into.computeIfAbsent(owner.get().component(), k -> new ArrayList<>());
          if (!paths.contains(path)) {
            paths.add(path);
          }
        }
      }
      java.util.TreeSet<String> names = new java.util.TreeSet<>(inputs.keySet());
      names.addAll(outputs.keySet());
      for (String name : names) {
        existedBefore.put(name, exists(repo, a, name, layout));
        existsAfter.put(name, exists(repo, b, name, layout));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String name : existedBefore.keySet()) {
      List<String> paths = new ArrayList<>(inputs.getOrDefault(name, List.of()));
      paths.addAll(outputs.getOrDefault(name, List.of()));
      paths.sort(null);
      Change change = !existedBefore.get(name) ? Change.ADDED : !existsAfter.get(name) ? Change.REMOVED : Change.CHANGED;
      rows.add(new Row(name, change, inputs.containsKey(name), outputs.containsKey(name), paths));
    }
    return rows;
  }

  private record Owner(String component, boolean input) {}

  /** The component a changed path belongs to, and whether it is an input. */
  private static Optional<Owner> owner(String path, Layout layout) {
    String lock = under(path, layout.lockDir());
    if (lock != null && lock.endsWith(".lock") && lock.indexOf('/') < 0) {
      return Optional.of(new Owner(lock.substring(0, lock.length() - ".lock".length()), true));
    }
    String cache = under(path, layout.upstreamCacheDir());
    if (cache != null && cache.indexOf('/') > 0) {
      return Optional.of(new Owner(cache.substring(0, cache.indexOf('/')), true));
    }
    String rendered = under(path, layout.renderedDir());
    if (rendered != null) {
      String[] parts = rendered.split("/", 3);
      if (parts.length == 3 && !parts[1].isEmpty() && parts[0].equals(dev.rpmoverlay.render.OutputLayout.letter(parts[1]))) {
        return Optional.of(new Owner(parts[1], false));
      }
    }
    return Optional.empty();
  }

  /** {@code path} relative to {@code dir} when it is inside it, else null. */
  private static String under(String path, String dir) {
    if (dir.isEmpty()) {
      return path;
    }
    return path.startsWith(dir + "/") ? path.substring(dir.length() + 1) : null;
  }

  /**
   * Whether the component has a lock or rendered dir in {@code commit}. A cache entry alone does
   * not count: one can outlive its component (nothing prunes it), and it is no component without a lock.
   */
  private static boolean exists(Repository repo, RevCommit commit, String name, Layout layout) throws IOException {
    String letter = dev.rpmoverlay.render.OutputLayout.letter(name);
    for (String p : List.of(join(layout.lockDir(), name + ".lock"), join(layout.renderedDir(), letter + "/" + name))) {
      try (TreeWalk tw = TreeWalk.forPath(repo, p, commit.getTree())) {
        if (tw != null) {
          return true;
        }
      }
    }
    return false;
  }

  private static String join(String dir, String rest) {
    return dir.isEmpty() ? rest : dir + "/" + rest;
  }
}
