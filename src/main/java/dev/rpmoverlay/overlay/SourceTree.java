package dev.rpmoverlay.overlay;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files of one component's sources directory, in memory, keyed by relative path with
 * {@code /} separators. Every path is confined to the directory: absolute paths and {@code ..}
 * are rejected, so an overlay can never write outside the component (azldev uses {@code os.Root}
 * for the same guarantee). Iteration is sorted by path, so everything derived from a tree is
 * deterministic.
 */
public final class SourceTree {

  private final NavigableMap<String, TreeFile> files = new TreeMap<>();

  public SourceTree() {}

  private SourceTree(Map<String, TreeFile> files) {
    this.files.putAll(files);
  }

  /**
   * Reads every regular file under {@code dir} (recursively, not following symlinks); {@code .git}
   * is skipped because render never ships it. A file larger than {@link TreeFile#IN_MEMORY_MAX_BYTES}
   * is not read here but kept as a stored file, streamed when it is used.
   */
  public static SourceTree readDirectory(Path dir) throws IOException {
    return read(dir, false).tree();
  }

  /** A directory's files as {@link #readDirectory} reads them, and whether a symbolic link is anywhere under it. */
  public record DirectoryRead(SourceTree tree, boolean hasSymlinks) {}

  /**
   * {@link #readDirectory}, noting in the same walk whether a symbolic link is anywhere under
   * {@code dir} ({@code .git} included, whose files are still not read). Comparing an output dir
   * needs both; a second walk for the links cost one more directory read and two more lstat calls
   * per entry, for each of 7,583 dirs in a full-distro render.
   */
  public static DirectoryRead readDirectoryNotingLinks(Path dir) throws IOException {
    return read(dir, true);
  }

  private static DirectoryRead read(Path dir, boolean noteLinks) throws IOException {
    SourceTree tree = new SourceTree();
    boolean[] links = {false};
    int[] gitDepth = {0};
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (isGitDir(d)) {
          if (!noteLinks) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          gitDepth[0]++;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        if (isGitDir(d)) {
          gitDepth[0]--;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink()) {
          links[0] = true;
        } else if (attrs.isRegularFile() && gitDepth[0] == 0) {
          String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
          tree.put(rel, TreeFile.read(f, FileModes.isExecutable(f)));
        }
        return FileVisitResult.CONTINUE;
      }

      private boolean isGitDir(Path d) {
        return d.getFileName() != null && d.getFileName().toString().equals(".git") && !d.equals(dir);
      }
    });
    return new DirectoryRead(tree, links[0]);
  }

  public SourceTree copy() {
    return new SourceTree(files);
  }

  public Optional<TreeFile> get(String path) {
    return Optional.ofNullable(files.get(checked(path)));
  }

  public boolean contains(String path) {
    return files.containsKey(checked(path));
  }

  public void put(String path, TreeFile file) {
    files.put(checked(path), file);
  }

  public void remove(String path) {
    files.remove(checked(path));
  }

  /** All files, sorted by path. */
  public NavigableMap<String, TreeFile> files() {
    return Collections.unmodifiableNavigableMap(files);
  }

  /** Writes every file below {@code dir} (which must exist) with mode 0755 or 0644. */
  public void writeTo(Path dir) throws IOException {
    for (Map.Entry<String, TreeFile> e : files.entrySet()) {
      Path target = dir.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      e.getValue().writeTo(target);
      FileModes.apply(target, e.getValue().executable());
    }
  }

  /**
   * Validates a relative path: not empty, not absolute, no {@code .} or {@code ..} segments, no
   * empty segments.
   */
  public static String checked(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      throw new IllegalArgumentException("path must be relative to the component directory: '" + path + "'");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("path escapes or is not normalized within the component directory: '" + path + "'");
      }
    }
    return path;
  }

  /** Whether {@code path} is acceptable to {@link #checked(String)}. */
  public static boolean isConfined(String path) {
    try {
      checked(path);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SourceTree" + files.keySet();
  }


}
