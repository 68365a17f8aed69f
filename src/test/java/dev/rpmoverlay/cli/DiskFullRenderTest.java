package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 16: a disk that fills up in the middle of {@code render -a}, for real: the output dir
 * is a 1 MiB tmpfs (skipped, with the reason, where {@code mount -t tmpfs} is not allowed). The
 * component that no longer fits fails alone with a clear error, keeps its previous output, and no
 * 0-byte or temporary file is left behind.
 */
class DiskFullRenderTest {
  static final List<String> SMALL = List.of("alpha", "bravo", "charlie", "delta");

  @TempDir Path tmp;
  Path mount;

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      run("umount", mount.toString());
    }
  }

  @Test
  void aComponentThatNoLongerFitsFailsAloneAndKeepsItsPreviousOutput() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", out.toString()),
        "'mount -t tmpfs' is not permitted here (needs root or CAP_SYS_ADMIN), so no small disk can be made");
    mount = out;
    Path project = tmp.resolve("project");
    writeProject(project, 100_000);
    CliRun first = CliRun.of("-C", project.toString(), "render", "-a", "-o", out.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    byte[] oldBig = Files.readAllBytes(out.resolve("h/huge/payload.bin"));

    writeProject(project, 1_200_000); // more than the whole 1 MiB disk
    CliRun full = CliRun.of("-C", project.toString(), "render", "-a", "-o", out.toString());

    assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(full.out()).containsPattern("huge +error +previous output kept +component huge: cannot write the rendered files"
        + " \\(previous output kept\\): no space left on device; free some space and run again");
    assertThat(full.out() + full.err()).doesNotContain("internal error");
    assertThat(full.err()).contains("5 components: 0 rendered, 4 unchanged, 1 failed (previous output kept)");
    assertThat(Files.readAllBytes(out.resolve("h/huge/payload.bin"))).as("previous output kept").isEqualTo(oldBig);
    for (String c : SMALL) {
      assertThat(out.resolve(c.charAt(0) + "/" + c + "/" + c + ".spec")).isNotEmptyFile();
    }
    try (Stream<Path> all = Files.walk(out)) {
      // the output dir's lock file is empty once released (docs/robustness.md, "One command at a time")
      assertThat(all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".rpmoverlay-lock"))
          .filter(p -> p.toFile().length() == 0).toList()).as("0-byte files").isEmpty();
    }
    try (Stream<Path> all = Files.walk(out)) {
      assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.equals(".rpmoverlay-staging")).toList())
          .as("temporary files").isEmpty();
    }
  }

  static void writeProject(Path project, int payloadBytes) throws IOException {
    Files.createDirectories(project.resolve("distro"));
    try (Stream<Path> s = Files.list(Path.of("distro"))) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Files.copy(f, project.resolve("distro").resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(project.resolve("rpmoverlay.toml"), "includes = [\"distro/distro.toml\"]\n\n[project]\n"
        + "default-distro = { name = \"lumen\" }\nrendered-specs-dir = \"out\"\n");
    StringBuilder comps = new StringBuilder();
    for (String name : Stream.concat(Stream.of("huge"), SMALL.stream()).toList()) {
      Path spec = Files.createDirectories(project.resolve("specs").resolve(name));
      Files.writeString(spec.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: test\n"
          + "License: MIT\n" + (name.equals("huge") ? "Source0: payload.bin\n" : "") + "\n%description\nTest.\n\n%files\n");
      if (name.equals("huge")) {
        byte[] payload = new byte[payloadBytes];
        new Random(payloadBytes).nextBytes(payload);
        Files.write(spec.resolve("payload.bin"), payload);
      }
      comps.append("[components.").append(name).append("]\nspec = { type = \"local\", path = \"specs/").append(name).append("\" }\n");
    }
    Files.writeString(project.resolve("rpmoverlay.toml"), comps, java.nio.file.StandardOpenOption.APPEND);
  }

  static boolean run(String... cmd) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
