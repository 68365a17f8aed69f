package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The names in one directory (not {@code .} and {@code ..}), in the order the file system gives
 * them: for the loops that list a directory per component (a cache entry's {@code files/}, the
 * stamp scans), 7,583 components deep.
 *
 * <p>Read with {@link java.io.File#list()}: one {@code opendir}, the {@code getdents} calls and a
 * {@code close}. A JDK {@link DirectoryStream} adds a {@code dup} and {@code fcntl} calls and a
 * second {@code close} per directory (an strace of {@code render -a} on the full distro counted
 * 38,366 {@code dup} and 76,740 {@code fcntl} calls), and a {@link Path} per name that these
 * loops only turn back into a string.
 */
public final class DirectoryNames {
  private DirectoryNames() {}

  /**
   * @throws IOException when {@code dir} cannot be listed (missing, not a directory, no
   *     permission), as {@link Files#newDirectoryStream} words it
   */
  public static String[] of(Path dir) throws IOException {
    if (dir.getFileSystem() == FileSystems.getDefault()) {
      String[] names = dir.toFile().list();
      if (names != null) {
        return names;
      }
    }
    // java.io only says null: the stream gives the exception that says why (or, if the directory
    // became readable meanwhile, its names)
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
      for (Path child : list) {
        names.add(child.getFileName().toString());
      }
    }
    return names.toArray(String[]::new);
  }
}
