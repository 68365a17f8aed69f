package dev.rpmoverlay.cli;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.rpmoverlay.config.UserCacheDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The launcher's class-data-sharing training run ({@code rpmoverlay} script, docs/benchmarks.md):
 * one JVM runs the everyday commands on the shipped project, so that the archive the JVM writes at
 * exit holds the classes of each of them, not only of one. A class missing from the archive is
 * read and verified from the jar on every start (autospec process on 20 commits, with an archive
 * trained on diff alone: 12% more CPU than with its own classes archived). Output goes nowhere.
 * The read-only commands run on the project itself, and write nothing but what diff keeps for the
 * next command inside the git dir (the lock history, docs/release.md); render, which writes its
 * output, its stamp record and its locks, runs on a copy of the project's inputs in a temporary
 * directory that is removed afterwards. A command that fails (a project outside git) is skipped,
 * since the archive is only ever an optimisation.
 *
 * <p>With {@code --autospec} it runs only {@code autospec process}, for the archive the launcher
 * keeps for that command alone: the JVM relocates the whole archive at start, whatever a command
 * uses of it (about 5 ms per MB here), and autospec process, timed against rpmautospec's start-up
 * on short histories, uses a third of the everyday archive's classes.
 */
public final class CdsTraining {
  /**
   * Top-level entries of the project that render does not read, left out of the copy: the git dir
   * (diff trained the history walk on the project itself), the build's output and work dirs, the
   * sources and docs, and the shipped rendered specs (render writes into the copy's own dir).
   */
  private static final Set<String> NOT_COPIED = Set.of(".git", "target", "build", "src", "docs", "golden");

  private CdsTraining() {}

  /** @param args {@code [--autospec] PROJECT}: the shipped project's directory */
  public static void main(String[] args) {
    if (args[0].equals("--autospec")) {
      trainAutospecProcess(args[1]);
    } else {
      train(Path.of(args[0]), Path.of(System.getProperty("java.io.tmpdir")));
    }
    System.exit(0);
  }

  /** autospec process as it is usually run, into a file (a temporary one, deleted after), not to stdout. */
  private static void trainAutospecProcess(String project) {
    try {
      Path target = Files.createTempFile("rpmoverlay-cds-", ".spec");
      try {
        run(autospecProcess(project, target.toString()), new PrintWriter(Writer.nullWriter()));
      } finally {
        Files.deleteIfExists(target);
      }
    } catch (IOException e) {
      // only an optimisation
    }
  }

  /** Runs every training command: the read-only ones on {@code project}, render on a copy made in {@code scratch}. */
  static void train(Path project, Path scratch) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    String snapshots = System.getProperty(ProjectContext.SNAPSHOT_PROPERTY);
    try {
      Path copy = Files.createTempDirectory(scratch, "rpmoverlay-cds-training");
      try {
        // the first command keeps a project snapshot and the others read it: both ways are trained,
        // and the user's cache is left alone
        System.setProperty(ProjectContext.SNAPSHOT_PROPERTY, copy.resolve("project-snapshots").toString());
        UserCacheDir.of(System.getenv()); // what every command computes without that property: archived too
        commands(project.toString()).forEach(command -> run(command, sink));
        Path inputs = Files.createDirectory(copy.resolve("project"));
        copyInputs(project, inputs);
        renderCommands(inputs.toString()).forEach(command -> run(command, sink));
      } finally {
        if (snapshots == null) {
          System.clearProperty(ProjectContext.SNAPSHOT_PROPERTY);
        } else {
          System.setProperty(ProjectContext.SNAPSHOT_PROPERTY, snapshots);
        }
        MoreFiles.deleteRecursively(copy, RecursiveDeleteOption.ALLOW_INSECURE);
      }
    } catch (IOException | UncheckedIOException e) {
      // only an optimisation: the archive still holds what the commands run so far loaded
    }
  }

  private static void run(List<String> command, PrintWriter sink) {
    try {
      String[] args = command.toArray(String[]::new);
      Main.run(Main.startAhead(args), args, sink, sink);
    } catch (RuntimeException e) {
      // only an optimisation: the next command still trains
    }
  }

  /** What a maintainer runs many times a day, none of which writes to the project. */
  static List<List<String>> commands(String project) {
    return List.of(
        List.of("--help"),
        List.of("-C", project, "list"),
        List.of("-C", project, "show", "nginx"),
        List.of("-C", project, "-q", "diff", "nginx"),
        autospecProcess(project, "-"));
  }

  /**
   * autospec process on the shipped project's nginx spec, which uses %autorelease and
   * %autochangelog; without -q, which leaves the work tree's status unread.
   */
  static List<String> autospecProcess(String project, String target) {
    return List.of("autospec", "process", project + "/upstream-cache/nginx/files/nginx.spec", target);
  }

  /**
   * render on a copy of the project ({@link #copyInputs}): a full render into an empty dir, the
   * no-op check and the no-op render that the stamp record answers, and one component on its own.
   */
  static List<List<String>> renderCommands(String copy) {
    String out = copy + "/training-output";
    return List.of(
        List.of("-C", copy, "-q", "render", "-a", "-o", out),
        List.of("-C", copy, "-q", "render", "-a", "-o", out, "--check"),
        List.of("-C", copy, "-q", "render", "-a", "-o", out),
        List.of("-C", copy, "-q", "render", "-p", "nginx", "-o", copy + "/training-output-one"));
  }

  /** Copies the project into {@code copy}, all but {@link #NOT_COPIED} ({@link TreeCopy}). */
  static void copyInputs(Path project, Path copy) throws IOException {
    TreeCopy.copy(project, copy, NOT_COPIED);
  }

}
