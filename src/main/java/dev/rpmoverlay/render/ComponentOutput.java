package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.upstream.KillPoints;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one component directory without ever leaving it half-written: the files go to a staging
 * directory first, and are then moved into place with renames (old dir aside, new dir in, old dir
 * deleted). A crash before the swap leaves the previous output as it was; the swap itself is two
 * renames. Leftover staging is removed by the next run.
 */
final class ComponentOutput {
  private ComponentOutput() {}

  /**
   * Whether {@code dir} holds exactly {@code tree} (same paths, bytes and executable bits). Large
   * files on either side are compared by streaming them, never read whole.
   */
  static boolean matches(Path dir, SourceTree tree) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try {
      SourceTree.DirectoryRead current = SourceTree.readDirectoryNotingLinks(dir);
      return !current.hasSymlinks() && current.tree().files().equals(tree.files());
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Whether {@code dir} holds only a failure marker: empty when it does not exist or is empty (no
   * previous output), true for a marker alone, false for real output (also when it cannot be read:
   * then keeping it is the safe side).
   */
  static java.util.Optional<Boolean> markerOnly(Path dir) {
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return java.util.Optional.empty();
    }
    try (var entries = Files.list(dir)) {
      java.util.List<String> names = entries.map(p -> p.getFileName().toString()).limit(2).toList();
      if (names.isEmpty()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(names.equals(java.util.List.of(OutputLayout.FAILED_MARKER)));
    } catch (IOException e) {
      return java.util.Optional.of(false);
    }
  }

  /**
   * Writes {@code tree} into a fresh directory {@code staged} (which must not exist).
   *
   * @return each file's stamp as read right after it was written (by its path in {@code tree}),
   *     which the rename into place keeps; empty when one could not be read
   */
  static Optional<Map<String, TreeStamps.FileStamp>> stage(Path staged, SourceTree tree, FaultInjector faults, CreationModes modes)
      throws IOException {
    Files.createDirectories(staged);
    Map<String, TreeStamps.FileStamp> stamps = new HashMap<>();
    boolean stamped = true;
    for (var e : tree.files().entrySet()) {
      faults.beforeWrite(staged.getFileName().toString(), e.getKey());
      if (dev.rpmoverlay.config.ReservedNames.hasGitDir(e.getKey())) {
        throw new IOException("refusing to write '" + e.getKey() + "' (a '.git' path component)"); // ComponentRenderer refuses it first
      }
      Path target = staged.resolve(e.getKey());
      if (e.getKey().indexOf('/') >= 0) {
        ensureDirectory(target.getParent());
      }
      TreeFile f = e.getValue();
      // a stored file is copied a chunk at a time, its hash checked on the way
      Optional<FileAttribute<Set<PosixFilePermission>>> mode = modes.onCreate(staged.getParent(), f.executable());
      if (mode.isPresent()) {
        f.writeNew(target, mode.get());
      } else {
        f.writeTo(target);
        dev.rpmoverlay.overlay.FileModes.apply(target, f.executable());
      }
      if (stamped) {
        try {
          stamps.put(e.getKey(), TreeStamps.FileStamp.of(target));
        } catch (IOException notStamped) {
          stamped = false; // the stamp record then reads the dir back instead
        }
      }
    }
    return stamped ? Optional.of(stamps) : Optional.empty();
  }

  /**
   * Replaces {@code target} with {@code staged}, setting the previous dir aside at {@code aside}
   * between the two renames; a process killed in between leaves it there for {@link
   * InterruptedSwaps#repair} to move back.
   */
  static void swapIn(Path staged, Path target, Path aside) throws IOException {
    swapIn(staged, target, aside, new HashSet<>());
  }

  /**
   * {@link #swapIn(Path, Path, Path)}, checking (and making) {@code target}'s parent only when it
   * is not in {@code readyParents}, the parents already checked in this run (hundreds of
   * components share one letter dir); adds it there.
   */
  static void swapIn(Path staged, Path target, Path aside, Set<Path> readyParents) throws IOException {
    Path parent = target.getParent();
    if (!readyParents.contains(parent)) {
      if (Files.isSymbolicLink(parent)) {
        // Writing through it would put files wherever the link points, outside the output dir.
        throw new IOException(parent + " is a symbolic link; remove it (render writes only real directories)");
      }
      ensureDirectory(parent);
      readyParents.add(parent);
    }
    // A new component (every one in a cold render) takes one rename and no other call. Whatever is
    // in the way (earlier output, a link, a file) fails it, and goes the way earlier output does;
    // an empty dir in the way is simply replaced.
    try {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    } catch (IOException e) {
      if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
    }
    deleteTree(aside);
    ensureDirectory(aside.getParent());
    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    KillPoints.reach("render-set-aside");
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    KillPoints.reach("render-swapped-in");
    deleteTree(aside);
  }

  /**
   * {@code Files.createDirectories}, but without its failed {@code mkdir} and exception when the
   * directory is already there, which it nearly always is (one letter dir serves hundreds of
   * components): a measurable share of writing the full distro.
   */
  private static void ensureDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir);
    }
  }

  /** Deletes {@code dir} after moving it to {@code trash} with one rename, so it is never seen half-deleted. */
  static void discard(Path dir, Path trash) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    deleteTree(trash);
    Files.createDirectories(trash.getParent());
    Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(trash);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
