package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.render.LockHolderMain;
import dev.rpmoverlay.render.OutputLayout;
import dev.rpmoverlay.render.ProjectLock;
import dev.rpmoverlay.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 items 3 and 4: every command that writes takes the project lock, and render also locks
 * its output dir, so two processes never write the same place at once. Each test runs two real
 * processes: a child JVM holding the lock, or two child renders.
 */
class ConcurrentWritersTest {
  @TempDir Path dir;

  /** Starts a child JVM that takes {@code lockFile} and holds it until killed. */
  static Process holding(Path lockFile) throws IOException {
    Process child = ChildJvm.builder(LockHolderMain.class, List.of(lockFile.toString())).redirectErrorStream(true).start();
    String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(line).as("lock holder's first line").startsWith("locked ");
    return child;
  }

  @Test
  void aRenderFromAnotherCheckoutIntoALockedOutputDirIsRefusedAndWritesNothing() throws Exception {
    Path project = LocalProject.write(dir.resolve("checkout-b"), "", "hello", "world");
    Path out = Files.createDirectories(dir.resolve("shared-out"));
    Process other = holding(out.resolve(OutputLayout.LOCK_FILE));
    try {
      CliRun run = CliRun.of("-C", project.toString(), "render", "-a", "-o", out.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("another rpmoverlay render is writing to " + out).contains("pid " + other.pid());
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly(OutputLayout.LOCK_FILE);
      }
    } finally {
      ChildJvm.kill(other);
    }
  }

  @Test
  void twoRendersFromTwoCheckoutsIntoOneOutputDirBothFinishWithCompleteOutput() throws Exception {
    String[] names = new String[40];
    for (int i = 0; i < names.length; i++) {
      names[i] = "pkg" + i;
    }
    Path out = dir.resolve("shared-out");
    List<Process> renders = new ArrayList<>();
    for (String checkout : List.of("a", "b")) {
      Path project = LocalProject.write(dir.resolve(checkout), "", names);
      renders.add(ChildJvm.start(Main.class, List.of("-C", project.toString(), "render", "-a", "--no-incremental",
          "--lock-wait", "120", "-o", out.toString()), dir.resolve(checkout + ".log")));
    }
    for (int i = 0; i < renders.size(); i++) {
      assertThat(renders.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(renders.get(i).exitValue()).as(Files.readString(dir.resolve((i == 0 ? "a" : "b") + ".log"))).isZero();
    }
    for (String name : names) {
      assertThat(out.resolve("p/" + name + "/" + name + ".spec")).isRegularFile();
    }
  }

  @Test
  void fetchRefusesWhileAnotherProcessHoldsTheProjectLock() throws Exception {
    Path project = LocalProject.write(dir.resolve("project"), "", "hello");
    Process other = holding(project.resolve("build/work/" + ProjectLock.FILE_NAME));
    try {
      CliRun run = CliRun.of("-C", project.toString(), "fetch", "-a", "--mirror-dir", dir.resolve("mirrors").toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("another rpmoverlay command is working on this project: pid " + other.pid());
    } finally {
      ChildJvm.kill(other);
    }
  }

  @Test
  void addRefusesWhileAnotherProcessHoldsTheProjectLock() throws Exception {
    Path project = LocalProject.write(dir.resolve("project"), "", "hello");
    String before = Files.readString(project.resolve("azldev.toml"));
    Process other = holding(project.resolve("build/work/" + ProjectLock.FILE_NAME));
    try {
      CliRun run = CliRun.of("-C", project.toString(), "add", "newpkg");

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).contains("another rpmoverlay command is working on this project: pid " + other.pid());
      assertThat(project.resolve("azldev.toml")).hasContent(before);
    } finally {
      ChildJvm.kill(other);
    }
  }
}
