package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered files are 0755 or 0644 whatever the umask: created with their mode when the umask
 * leaves it alone, set by chmod after the write when it does not. Each case stages a component in
 * a child JVM started under that umask.
 */
class CreationModesTest {
  @TempDir Path tmp;

  @Test
  void underTheUsualUmaskFilesAreCreatedWithTheirModes() throws Exception {
    assertThat(stageUnderUmask("022")).containsExactly("mode at creation: true", "run.sh rwxr-xr-x", "x.spec rw-r--r--", "sub/p.patch rw-r--r--");
  }

  @Test
  void underAUmaskThatTakesBitsAwayTheModesAreSetAfterTheWrite() throws Exception {
    assertThat(stageUnderUmask("077")).containsExactly("mode at creation: false", "run.sh rwxr-xr-x", "x.spec rw-r--r--", "sub/p.patch rw-r--r--");
    assertThat(stageUnderUmask("027")).containsExactly("mode at creation: false", "run.sh rwxr-xr-x", "x.spec rw-r--r--", "sub/p.patch rw-r--r--");
  }

  @Test
  void theProbeLeavesNothingBehind() throws Exception {
    stageUnderUmask("022");
    try (var entries = Files.list(tmp.resolve("staging"))) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("component");
    }
  }

  private List<String> stageUnderUmask(String umask) throws Exception {
    Path staging = tmp.resolve("staging");
    if (Files.exists(staging)) {
      ComponentOutput.deleteTree(staging);
    }
    List<String> java = ChildJvm.builder(Stager.class, List.of(staging.toString())).command();
    List<String> shell = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
    shell.addAll(java);
    Process p = new ProcessBuilder(shell).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  /** Stages one component into {@code args[0]/component} and prints what it found. */
  public static final class Stager {
    public static void main(String[] args) throws Exception {
      Path staging = Files.createDirectories(Path.of(args[0]));
      SourceTree tree = new SourceTree();
      tree.put("run.sh", new TreeFile("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), true));
      tree.put("x.spec", new TreeFile("Name: x\n".getBytes(StandardCharsets.UTF_8), false));
      tree.put("sub/p.patch", new TreeFile("--- a\n".getBytes(StandardCharsets.UTF_8), false));
      CreationModes modes = new CreationModes();
      System.out.println("mode at creation: " + modes.onCreate(staging, false).isPresent());
      Path staged = staging.resolve("component");
      ComponentOutput.stage(staged, tree, FaultInjector.NONE, modes);
      for (String name : List.of("run.sh", "x.spec", "sub/p.patch")) {
        System.out.println(name + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.resolve(name))));
      }
    }
  }
}
