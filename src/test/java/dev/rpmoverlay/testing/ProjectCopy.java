package dev.rpmoverlay.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/** Copies the shipped project (the repository minus the tool's own sources, build output and git data). */
public final class ProjectCopy {
  /** What a copy leaves out: not project content. */
  private static final Set<String> NOT_COPIED = Set.of(".git", "target", "src");

  private ProjectCopy() {}

  /** Copies the project at {@code repo} into {@code target} (created), keeping file attributes. */
  public static void of(Path repo, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> top = Files.list(repo)) {
      for (Path p : top.sorted().toList()) {
        if (!NOT_COPIED.contains(p.getFileName().toString())) {
          copyTree(p, target.resolve(p.getFileName().toString()));
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted().toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
