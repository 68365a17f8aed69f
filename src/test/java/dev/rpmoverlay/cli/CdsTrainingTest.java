package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.DirectoryContents;
import dev.rpmoverlay.testing.ProjectCopy;
import dev.rpmoverlay.testing.ProjectRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing training: every command it runs works on the shipped project,
 * and writes nothing to it (only the lock-history cache that diff keeps inside the git dir); render
 * runs on a copy that is removed afterwards.
 */
class CdsTrainingTest {
  @TempDir Path tmp;

  @Test
  void everyTrainingCommandSucceedsOnTheShippedProjectAndLeavesItAsItWas() throws Exception {
    Path project = shippedProjectInGit();
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

  @Test
  void theAutospecArchivesTrainingProcessesTheShippedSpecIntoAFileByTheFastPath() throws Exception {
    Path project = shippedProjectInGit();
    Path target = tmp.resolve("processed.spec");
    List<String> command = CdsTraining.autospecProcess(project.toString(), target.toString());

    StringWriter err = new StringWriter();
    int code = Main.run(command.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    assertThat(code).as(err.toString()).isZero();
    assertThat(ProcessCommandLine.read(command)).as("the command line users run, read without picocli").isPresent();
    assertThat(Files.readString(target)).startsWith("## START: Set by rpmautospec\n");
  }

  @Test
  void renderTrainsOnACopyOfTheProjectInputsAndEveryRenderSucceeds() throws Exception {
    Path project = tmp.resolve("project");
    ProjectCopy.of(Path.of("").toAbsolutePath(), project);
    Path copy = tmp.resolve("copy");
    CdsTraining.copyInputs(project, copy);

    for (List<String> command : CdsTraining.renderCommands(copy.toString())) {
      StringWriter err = new StringWriter();
      int code = Main.run(command.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
      assertThat(code).as("%s: %s", command, err).isZero();
    }

    assertThat(copy.resolve("training-output")).isDirectoryContaining(p -> p.getFileName().toString().equals("n"));
    assertThat(copy.resolve("training-output-one/n/nginx/nginx.spec")).isRegularFile();
  }

  @Test
  void theCopyForRenderLeavesOutWhatRenderDoesNotRead() throws Exception {
    Path project = tmp.resolve("project");
    ProjectCopy.of(Path.of("").toAbsolutePath(), project);
    Files.createDirectories(project.resolve(".git/objects"));
    Files.createDirectories(project.resolve("build/work"));
    Path copy = tmp.resolve("copy");

    CdsTraining.copyInputs(project, copy);

    assertThat(copy.resolve("rpmoverlay.toml")).hasSameTextualContentAs(project.resolve("rpmoverlay.toml"));
    assertThat(copy.resolve("upstream-cache/nginx/files/nginx.spec")).isRegularFile();
    for (String left : List.of(".git", "build", "docs", "golden")) {
      assertThat(copy.resolve(left)).as(left).doesNotExist();
    }
  }

  @Test
  void trainingRemovesItsCopyAndLeavesTheProjectAsItWas() throws Exception {
    Path project = shippedProjectInGit();
    Map<String, String> before = withoutGitDirCache(DirectoryContents.of(project));
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));

    CdsTraining.train(project, scratch);

    assertThat(scratch).isEmptyDirectory();
    assertThat(withoutGitDirCache(DirectoryContents.of(project))).isEqualTo(before);
  }

  /** A copy of the shipped project, committed to a git repository of its own. */
  private Path shippedProjectInGit() throws Exception {
    Path project = tmp.resolve("project");
    ProjectCopy.of(Path.of("").toAbsolutePath(), project);
    Git.init().setDirectory(project.toFile()).setInitialBranch("main").call().close();
    ProjectRepo.commitAll(project, Instant.parse("2026-01-05T10:00:00Z"), "the shipped project");
    return project;
  }

  private static Map<String, String> withoutGitDirCache(Map<String, String> contents) {
    Map<String, String> kept = new java.util.TreeMap<>(contents);
    kept.keySet().removeIf(path -> path.startsWith(".git/rpmoverlay/"));
    return kept;
  }
}
