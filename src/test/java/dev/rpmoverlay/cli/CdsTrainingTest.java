package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.DirectoryContents;
import dev.rpmoverlay.testing.ProjectCopy;
import dev.rpmoverlay.testing.ProjectRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing training: every command it runs works on the shipped project,
 * and writes nothing to it (only the lock-history cache that diff keeps inside the git dir).
 */
class CdsTrainingTest {
  @TempDir Path tmp;

  @Test
  void everyTrainingCommandSucceedsOnTheShippedProjectAndLeavesItAsItWas() throws Exception {
    Path project = tmp.resolve("project");
    ProjectCopy.of(Path.of("").toAbsolutePath(), project);
    Git.init().setDirectory(project.toFile()).setInitialBranch("main").call().close();
    ProjectRepo.commitAll(project, Instant.parse("2026-01-05T10:00:00Z"), "the shipped project");
    Map<String, String> before = withoutGitDirCache(DirectoryContents.of(project));

    for (List<String> command : CdsTraining.commands(project.toString())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(command.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(code).as("%s: %s", command, err).isZero();
      assertThat(out.toString()).as("%s prints its result", command).isNotEmpty();
    }

    assertThat(withoutGitDirCache(DirectoryContents.of(project))).isEqualTo(before);
  }

  private static Map<String, String> withoutGitDirCache(Map<String, String> contents) {
    Map<String, String> kept = new java.util.TreeMap<>(contents);
    kept.keySet().removeIf(path -> path.startsWith(".git/rpmoverlay/"));
    return kept;
  }
}
