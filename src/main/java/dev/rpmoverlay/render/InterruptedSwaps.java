package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finishes what a killed render left behind, before the next render touches the output.
 *
 * <p>A component dir is replaced by two renames (old dir to {@code staging/old/<name>}, new dir
 * from {@code staging/new/<name>} into place), so at any instant it holds either all old or all
 * new content. Only one state needs repair: killed between the two renames, the component dir is
 * missing and its previous content waits in {@code staging/old/}. It is moved back, so the output
 * is exactly the previous run's again, and the render that follows replaces it as usual. An old
 * dir whose component dir exists was already replaced; it is garbage, like everything in {@code
 * new/} and {@code trash/}, and the caller deletes the staging root.
 */
final class InterruptedSwaps {
  private InterruptedSwaps() {}

  /** Moves set-aside dirs back where their component dir is missing; returns them ({@code c/curl}), sorted. */
  public static List<String> repair(OutputLayout layout) throws IOException {
    Path old = layout.stagingRoot().resolve("old");
    List<String> repaired = new ArrayList<>();
    if (!Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
      return repaired;
    }
    List<Path> aside = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(old)) {
      dirs.forEach(aside::add);
    }
    aside.sort(null);
    for (Path dir : aside) {
      String name = dir.getFileName().toString();
      Path target = layout.componentDir(name);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
      repaired.add(layout.root().relativize(target).toString().replace('\\', '/'));
    }
    return repaired;
  }
}
