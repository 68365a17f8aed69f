package dev.rpmoverlay.cli;

import dev.rpmoverlay.upstream.JGitSetUp;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * The launcher's class-data-sharing training run ({@code rpmoverlay} script, docs/benchmarks.md):
 * one JVM runs the everyday read-only commands on the shipped project, so that the archive the JVM
 * writes at exit holds the classes of each of them, not only of one. A class missing from the
 * archive is read and verified from the jar on every start (autospec process on 20 commits, with
 * an archive trained on diff alone: 12% more CPU than with its own classes archived). Output goes
 * nowhere, and nothing is written but what diff keeps for the next command inside the git dir (the
 * lock history, docs/release.md); a command that fails (a project outside git) is skipped, since
 * the archive is only ever an optimisation.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** @param args the shipped project's directory */
  public static void main(String[] args) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    JGitSetUp.startInBackground();
    for (List<String> command : commands(args[0])) {
      try {
        Main.run(command.toArray(String[]::new), sink, sink);
      } catch (RuntimeException e) {
        // only an optimisation: the next command still trains
      }
    }
    System.exit(0);
  }

  /** What a maintainer runs many times a day, none of which writes to the project. */
  static List<List<String>> commands(String project) {
    return List.of(
        List.of("--help"),
        List.of("-C", project, "list"),
        List.of("-C", project, "show", "nginx"),
        List.of("-C", project, "-q", "diff", "nginx"),
        List.of("-C", project, "-q", "autospec", "process", project + "/upstream-cache/nginx/files/nginx.spec", "-"));
  }
}
