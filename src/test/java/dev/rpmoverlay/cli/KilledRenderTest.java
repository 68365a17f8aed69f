package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.render.OutputLayout;
import dev.rpmoverlay.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs {@code rpmoverlay render -a}, run as a separate JVM, at 50 random points while it
 * replaces every component's output (the config alternates between two generations, so every
 * component dir changes on every run). After each kill, every component dir must hold exactly the
 * old or exactly the new rendering (or be missing, only between the two renames of a swap); the
 * next render must repair interrupted swaps, take over the dead process's lock, and leave output
 * identical to a clean render.
 */
class KilledRenderTest {
  static final int COMPONENTS = 120;
  static final int KILLS = Integer.getInteger("rpmoverlay.kills", 50);
  static final long SEED = Long.getLong("rpmoverlay.kill.seed", 4242L);

  @TempDir Path dir;

  @Test
  void aRenderKilledAtRandomPointsNeverLeavesMixedComponentDirsAndTheNextRunRepairsIt() throws Exception {
    Path project = dir.resolve("project");
    writeProject(project, 0);
    Path out = project.resolve("out");
    Map<String, Map<String, TreeFile>> gen0 = cleanRender(project, 0, dir.resolve("ref0"));
    Map<String, Map<String, TreeFile>> gen1 = cleanRender(project, 1, dir.resolve("ref1"));
    assertThat(gen0).hasSize(COMPONENTS);
    assertThat(gen0.values()).doesNotContainAnyElementsOf(gen1.values());

    writeProject(project, 0);
    assertThat(CliRun.of("-C", project.toString(), "-q", "render", "-a").exitCode()).isZero();
    long full = timedChildRender(project);

    Random rnd = new Random(SEED);
    int mixed = 0;
    int repairedRuns = 0;
    int tookOver = 0;
    int current = 0;
    for (int k = 0; k < KILLS; k++) {
      int next = 1 - current;
      writeProject(project, next);
      // A third of the kill points are anywhere in the run (JVM start, config load, render); the
      // rest are a random delay after the child starts staging or swapping, where a crash matters.
      int mode = k % 3;
      long delayMillis = mode == 0 ? (long) (full * rnd.nextDouble() * 1.1) : rnd.nextInt(mode == 1 ? 400 : 60);
      Path trigger = out.resolve(OutputLayout.STAGING_DIR).resolve(mode == 1 ? "new" : "old");
      Process child = ChildJvm.start(Main.class, List.of("-C", project.toString(), "-q", "render", "-a"), dir.resolve("child.log"));
      boolean finished = waitFor(child, mode == 0 ? null : trigger, delayMillis);
      ChildJvm.kill(child);

      Map<String, Map<String, TreeFile>> seen = componentDirs(out);
      int old = 0;
      int fresh = 0;
      for (var e : seen.entrySet()) {
        Map<String, TreeFile> before = (current == 0 ? gen0 : gen1).get(e.getKey());
        Map<String, TreeFile> after = (next == 0 ? gen0 : gen1).get(e.getKey());
        assertThat(e.getValue())
            .as("kill %d after %d ms: %s must be all old or all new", k, delayMillis, e.getKey())
            .satisfiesAnyOf(f -> assertThat(f).isEqualTo(before), f -> assertThat(f).isEqualTo(after));
        if (e.getValue().equals(after)) {
          fresh++;
        } else {
          old++;
        }
      }
      if (old > 0 && fresh > 0) {
        mixed++;
      }

      CliRun repair = CliRun.of("-C", project.toString(), "render", "-a");
      assertThat(repair.exitCode()).as("repair run after kill %d: %s", k, repair.err()).isZero();
      assertThat(repair.err()).doesNotContain("internal error");
      if (repair.err().contains("repaired ")) {
        repairedRuns++;
      }
      if (!finished && repair.err().contains("took over the lock")) {
        tookOver++;
      }
      assertThat(componentDirs(out)).as("output after the repair run %d equals a clean render", k)
          .isEqualTo(next == 0 ? gen0 : gen1);
      assertThat(out.resolve(OutputLayout.STAGING_DIR)).doesNotExist();
      current = next;
    }
    System.out.printf(Locale.ROOT, "kill test: %d SIGKILLs over a %d ms render of %d components: %d mid-swap (old and new dirs"
        + " side by side), %d runs repaired an interrupted swap, %d stale locks taken over%n", KILLS, full, COMPONENTS, mixed,
        repairedRuns, tookOver);
    assertThat(mixed).as("some kills landed while component dirs were being replaced").isPositive();
  }

  /** Waits until {@code trigger} exists (if given), then {@code delayMillis}; true if the child exited first. */
  private static boolean waitFor(Process child, Path trigger, long delayMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (trigger != null && !Files.exists(trigger) && System.nanoTime() < deadline) {
      if (child.waitFor(2, TimeUnit.MILLISECONDS)) {
        return true;
      }
    }
    return child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
  }

  /** Renders generation {@code gen} in-process into {@code ref} and reads it back. */
  private Map<String, Map<String, TreeFile>> cleanRender(Path project, int gen, Path ref) throws IOException {
    writeProject(project, gen);
    CliRun r = CliRun.of("-C", project.toString(), "-q", "render", "-a", "--no-incremental", "-o", ref.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    return componentDirs(ref);
  }

  private long timedChildRender(Path project) throws Exception {
    writeProject(project, 1);
    long t0 = System.nanoTime();
    Process child = ChildJvm.start(Main.class, List.of("-C", project.toString(), "-q", "render", "-a"), dir.resolve("child.log"));
    assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    writeProject(project, 0);
    assertThat(CliRun.of("-C", project.toString(), "-q", "render", "-a").exitCode()).isZero();
    return millis;
  }

  /** Every {@code <letter>/<name>} dir under {@code out}, read into memory. */
  static Map<String, Map<String, TreeFile>> componentDirs(Path out) throws IOException {
    Map<String, Map<String, TreeFile>> dirs = new TreeMap<>();
    try (Stream<Path> letters = Files.list(out)) {
      for (Path letter : letters.filter(Files::isDirectory).filter(p -> p.getFileName().toString().length() == 1).toList()) {
        try (Stream<Path> names = Files.list(letter)) {
          for (Path d : names.filter(Files::isDirectory).toList()) {
            dirs.put(d.getFileName().toString(), SourceTree.readDirectory(d).files());
          }
        }
      }
    }
    return dirs;
  }

  /** A project of local components whose every rendered spec depends on {@code gen}. */
  static void writeProject(Path project, int gen) throws IOException {
    Files.createDirectories(project);
    if (!Files.exists(project.resolve("rpmoverlay.toml"))) {
      Files.createDirectories(project.resolve("distro"));
      try (Stream<Path> s = Files.list(Path.of("distro"))) {
        for (Path f : s.filter(Files::isRegularFile).toList()) {
          Files.copy(f, project.resolve("distro").resolve(f.getFileName().toString()));
        }
      }
      Files.writeString(project.resolve("rpmoverlay.toml"), "includes = [\"distro/distro.toml\", \"comps.toml\"]\n\n[project]\n"
          + "default-distro = { name = \"lumen\" }\nrendered-specs-dir = \"out\"\n");
      for (int i = 0; i < COMPONENTS; i++) {
        String name = name(i);
        Path spec = project.resolve("specs").resolve(name);
        Files.createDirectories(spec);
        StringBuilder sb = new StringBuilder("Name: " + name + "\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: test\nLicense: MIT\n"
            + "Source0: " + name + ".tar.gz\nSource1: " + name + "-extra.conf\n\n%description\nTest.\n\n%files\n");
        for (int j = 0; j < 200; j++) {
          sb.append("/usr/share/").append(name).append("/file").append(j).append('\n');
        }
        Files.writeString(spec.resolve(name + ".spec"), sb);
        Files.writeString(spec.resolve(name + "-extra.conf"), "setting = " + i + "\n");
      }
    }
    StringBuilder comps = new StringBuilder();
    for (int i = 0; i < COMPONENTS; i++) {
      String name = name(i);
      comps.append("[components.").append(name).append("]\nspec = { type = \"local\", path = \"specs/").append(name).append("\" }\n")
          .append("[[components.").append(name).append(".overlays]]\ntype = \"spec-add-tag\"\ntag = \"Provides\"\nvalue = \"gen-")
          .append(gen).append("\"\n")
          .append("[[components.").append(name).append(".overlays]]\ntype = \"file-prepend-lines\"\nfile = \"").append(name)
          .append("-extra.conf\"\nlines = [\"# generation ").append(gen).append("\"]\n\n");
    }
    Files.writeString(project.resolve("comps.toml"), comps);
  }

  static String name(int i) {
    return List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot").get(i % 6) + i;
  }
}
