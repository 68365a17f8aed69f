package dev.rpmoverlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the commands a document shows, as a reader would from the root of a copy of the project:
 * {@code ./rpmoverlay} (or {@code rpmoverlay}) in-process, anything else with bash in the copy.
 * Paths under {@code /tmp/} are moved into the test's own temporary directory.
 */
final class DocCommandRunner {
  /** Options whose value is a path: relative paths are meant from the project root, the reader's working directory. */
  private static final Set<String> PATH_OPTIONS = Set.of("--config-file", "-o", "--output", "-C", "--project", "--mirror-dir");

  private final Path project;
  private final Path tmp;
  private final Map<String, String> env;

  private DocCommandRunner(Path project, Path tmp) {
    this.project = project;
    this.tmp = tmp;
    this.env = environment(project);
  }

  /** Copies the shipped project at {@code repo} into {@code tmp/lumen} and commits it to a fresh git repository there. */
  static DocCommandRunner onCopyOf(Path repo, Path tmp) throws IOException, InterruptedException {
    Path project = tmp.resolve("lumen");
    dev.rpmoverlay.testing.ProjectCopy.of(repo, project);
    DocCommandRunner runner = new DocCommandRunner(project, tmp);
    // The shipped golden/ counts one downstream change per component: the project's import commit,
    // whose author, date and subject its %autochangelog entries carry; the copy's one commit is that.
    runner.shell("git init -q -b main && git add -A && GIT_AUTHOR_NAME='Lumen Release Engineering' GIT_AUTHOR_EMAIL=releng@lumen.example.org"
        + " GIT_AUTHOR_DATE=2026-11-22T03:39:46+00:00 GIT_COMMITTER_DATE=2026-11-22T03:39:46+00:00"
        + " git commit -q -m 'Lumen 1: import 41 components from Fedora 43 at the 2026-02-24 snapshot'");
    return runner;
  }

  Path project() {
    return project;
  }

  /** Runs one command as written at {@code where} and returns what it printed (stdout, then stderr). */
  String run(String where, String commandText) throws IOException, InterruptedException {
    String text = commandText.replace("/tmp/", tmp.resolve("outside") + "/");
    List<String> words = new ArrayList<>(TutorialScript.words(text));
    if (!words.get(0).equals("./rpmoverlay") && !words.get(0).equals("rpmoverlay")) {
      return shell(text);
    }
    // "CMD || true" shows a command that is meant to fail
    boolean shownFailing = words.size() > 2 && words.get(words.size() - 2).equals("||") && words.get(words.size() - 1).equals("true");
    if (shownFailing) {
      words.subList(words.size() - 2, words.size()).clear();
    }
    Path redirect = null;
    if (words.size() > 2 && words.get(words.size() - 2).equals(">")) {
      redirect = project.resolve(words.get(words.size() - 1));
      words.subList(words.size() - 2, words.size()).clear();
    }
    List<String> args = new ArrayList<>(List.of("-C", project.toString()));
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      args.add(w);
      if (PATH_OPTIONS.contains(w) && i + 1 < words.size()) {
        args.add(project.resolve(words.get(++i)).toString());
      } else if (w.equals("--dist-git-mirror") && i + 1 < words.size()) {
        // URL_PREFIX=DIR: the directory, like any path, is meant from the project root
        String rule = words.get(++i);
        int eq = rule.indexOf('=');
        args.add(rule.substring(0, eq + 1) + project.resolve(rule.substring(eq + 1)) + "/");
      }
    }
    CliRun r = CliRun.of(args.toArray(String[]::new));
    if (shownFailing) {
      assertThat(r.exitCode()).as("%s shows a failing command: %s\n%s", where, commandText, r.out()).isNotZero();
    } else {
      assertThat(r.exitCode()).as("%s: %s\nstdout:\n%s\nstderr:\n%s", where, commandText, r.out(), r.err()).isZero();
    }
    if (redirect != null) {
      Files.writeString(redirect, r.out(), StandardCharsets.UTF_8);
      return r.err();
    }
    return r.out() + r.err();
  }

  /** Runs {@code command} with bash in the project copy; it must succeed. */
  String shell(String command) throws IOException, InterruptedException {
    Files.createDirectories(tmp.resolve("outside"));
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(project.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
    assertThat(p.exitValue()).as("%s\n%s", command, output).isZero();
    return output;
  }

  /** Fixed identities and dates, and no user or system git config, so the copy's history is the same on every machine. */
  private static Map<String, String> environment(Path project) {
    return Map.of(
        "RPMOVERLAY_MIRROR_DIR", project.resolveSibling("mirrors").toString(),
        "GIT_CONFIG_GLOBAL", "/dev/null",
        "GIT_CONFIG_NOSYSTEM", "1",
        "GIT_AUTHOR_NAME", "Tutorial Reader",
        "GIT_AUTHOR_EMAIL", "reader@lumen.example.org",
        "GIT_AUTHOR_DATE", "2026-03-02T12:00:00+00:00",
        "GIT_COMMITTER_NAME", "Tutorial Reader",
        "GIT_COMMITTER_EMAIL", "reader@lumen.example.org",
        "GIT_COMMITTER_DATE", "2026-03-02T12:00:00+00:00");
  }

  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
