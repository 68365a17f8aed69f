package dev.rpmoverlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpmoverlay.cli.CliRun;
import dev.rpmoverlay.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/tutorial.md as written, against a copy of the project: every {@code ./rpmoverlay}
 * command in-process, every other command with bash in the copy, every file edit it shows; and
 * checks each output block it shows against what the commands printed.
 */
class TutorialTest {
  private static final Path REPO = Path.of("").toAbsolutePath();
  /** Options whose value is a path: relative paths are meant from the project root, the reader's working directory. */
  private static final Set<String> PATH_OPTIONS = Set.of("--config-file", "-o", "--output", "-C", "--project", "--mirror-dir");

  @TempDir Path tmp;

  @Test
  void everyCommandInTheTutorialWorksAsWritten() throws Exception {
    Path shared = SharedData.path();
    assumeTrue(Files.isDirectory(shared.resolve("fixtures/distgit")), "needs ../shared/fixtures/distgit");
    assumeTrue(onPath("bash") && onPath("git") && onPath("perl"), "needs bash, git and perl");
    Path project = tmp.resolve("lumen");
    dev.rpmoverlay.testing.ProjectCopy.of(REPO, project);
    Map<String, String> env = environment(shared, project);
    shell(project, env, "git init -q -b main && git add -A && git commit -q -m 'Lumen Linux (tutorial copy)'");
    TutorialScript script = TutorialScript.parse(Files.readString(REPO.resolve("docs/tutorial.md"), StandardCharsets.UTF_8));
    assertThat(script.steps()).as("the tutorial has steps").hasSizeGreaterThan(10);

    int block = -1;
    StringBuilder blockOutput = new StringBuilder();
    for (TutorialScript.Step step : script.steps()) {
      if (step instanceof TutorialScript.Command c) {
        if (c.block() != block) {
          block = c.block();
          blockOutput.setLength(0);
        }
        blockOutput.append(run(project, env, c));
      } else if (step instanceof TutorialScript.ExpectOutput e) {
        assertThat(e.block()).as("output block at tutorial line %d follows its commands", e.line()).isEqualTo(block);
        for (String line : e.lines()) {
          assertThat(blockOutput.toString()).as("tutorial line %d: output shown matches the commands' output", e.line()).contains(line);
        }
      } else if (step instanceof TutorialScript.AppendToFile a) {
        Path file = project.resolve(a.path());
        assertThat(file).as("tutorial line %d appends to an existing file", a.line()).isRegularFile();
        Files.writeString(file, a.content(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      } else if (step instanceof TutorialScript.CreateFile f) {
        Path file = project.resolve(f.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      }
    }
  }

  private static String run(Path project, Map<String, String> env, TutorialScript.Command c) throws Exception {
    List<String> words = new ArrayList<>(TutorialScript.words(c.text()));
    if (!words.get(0).equals("./rpmoverlay")) {
      return shell(project, env, c.text());
    }
    // "CMD || true" in the tutorial shows a command that is meant to fail
    boolean shownFailing = words.size() > 2 && words.get(words.size() - 2).equals("||") && words.get(words.size() - 1).equals("true");
    if (shownFailing) {
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
      assertThat(r.exitCode()).as("tutorial line %d shows a failing command: %s\n%s", c.line(), c.text(), r.out()).isNotZero();
    } else {
      assertThat(r.exitCode()).as("tutorial line %d: %s\nstdout:\n%s\nstderr:\n%s", c.line(), c.text(), r.out(), r.err()).isZero();
    }
    return r.out() + r.err();
  }

  private static String shell(Path dir, Map<String, String> env, String command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
    assertThat(p.exitValue()).as("%s\n%s", command, output).isZero();
    return output;
  }

  /** Fixed identities and dates, and no user or system git config, so the copy's history is the same on every machine. */
  private static Map<String, String> environment(Path shared, Path project) {
    return Map.of(
        "RPMOVERLAY_SHARED", shared.toString(),
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


  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
