package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.render.OutputLayout;
import dev.rpmoverlay.testing.ChildJvm;
import dev.rpmoverlay.testing.ProjectCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs {@code rpmoverlay render -a}, run as a separate JVM, while it replaces every
 * component's output (the config moves to another generation, so every component dir changes).
 * After each kill, every component dir must hold exactly the old or exactly the new rendering (or
 * be missing, only between the two renames of a swap); the next render must repair interrupted
 * swaps, take over the dead process's lock, and leave output identical to a clean render.
 *
 * <p>The kills land in two ways. At each named point between render's file operations ({@code
 * KillPoints}: a component staged, a previous dir set aside, a new dir swapped in, every dir
 * swapped before the state file), the child blocks and is killed there, so every window between
 * two renames is hit on every run, not by chance; these children start together, one project copy
 * each. And a few kills at random moments of the whole run (JVM start, config load, render) catch
 * windows no named point knows of.
 */
class KilledRenderTest {
  static final int COMPONENTS = 40;
  static final int RANDOM_KILLS = Integer.getInteger("rpmoverlay.kills", 6);
  static final long SEED = Long.getLong("rpmoverlay.kill.seed", 4242L);
  /** The third component in name order is the one caught mid-swap, so dirs before it are new and after it old. */
  static final int NTH = 3;

  @TempDir static Path shared;
  @TempDir Path dir;

  static Path base;
  static Map<String, Map<String, TreeFile>> gen0;
  static Map<String, Map<String, TreeFile>> gen1;

  /** A project at generation 0, rendered into {@code out}, and the clean renderings of both generations. */
  @BeforeAll
  static void renderBothGenerations() throws IOException {
    base = shared.resolve("project");
    gen0 = cleanRender(base, 0, shared.resolve("ref0"));
    gen1 = cleanRender(base, 1, shared.resolve("ref1"));
    assertThat(gen0).hasSize(COMPONENTS);
    assertThat(gen0.values()).doesNotContainAnyElementsOf(gen1.values());
    writeProject(base, 0);
    assertThat(CliRun.of("-C", base.toString(), "-q", "render", "-a").exitCode()).isZero();
  }

  @Test
  void aRenderKilledAtEachPointBetweenItsFileOperationsLeavesOldOrNewDirsAndTheNextRunRepairsIt() throws Exception {
    List<String> points = List.of("render-staged", "render-set-aside@" + NTH, "render-swapped-in@" + NTH, "render-swapped-all");
    Map<String, Process> children = new TreeMap<>();
    for (String point : points) {
      Path project = dir.resolve("kill-" + point.replace('@', '-'));
      ProjectCopy.of(base, project);
      writeProject(project, 1);
      Process child = ChildJvm.builder(Main.class,
              List.of("-Drpmoverlay.test.kill-point=" + point, "-Drpmoverlay.test.kill-marker=" + marker(point)),
              List.of("-C", project.toString(), "-q", "render", "-a"))
          .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + point + ".log").toFile()).start();
      children.put(point, child);
    }
    for (String point : points) {
      waitForMarker(children.get(point), point);
      ChildJvm.kill(children.get(point));
    }

    List<String> names = new ArrayList<>(gen0.keySet());
    for (String point : points) {
      Path project = dir.resolve("kill-" + point.replace('@', '-'));
      Map<String, Map<String, TreeFile>> seen = componentDirs(project.resolve("out"));
      assertOldOrNew(seen, gen0, gen1, "kill at " + point);
      Map<String, Map<String, TreeFile>> expected = new TreeMap<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        boolean swapped = switch (point.replaceAll("@.*", "")) {
          case "render-staged" -> false; // nothing is swapped before every component is staged
          case "render-set-aside" -> i < NTH - 1;
          case "render-swapped-in" -> i < NTH;
          default -> true;
        };
        if (!(point.startsWith("render-set-aside") && i == NTH - 1)) {
          expected.put(name, (swapped ? gen1 : gen0).get(name));
        }
      }
      assertThat(seen).as("the output dir right after a kill at %s", point).isEqualTo(expected);

      CliRun repair = repairRun(project, gen1, point);
      assertThat(repair.err()).as("kill at %s", point).contains("took over the lock");
      if (point.startsWith("render-set-aside")) {
        assertThat(repair.err()).contains("rpmoverlay: note: repaired " + names.get(NTH - 1).charAt(0) + "/" + names.get(NTH - 1));
      }
    }
  }

  @Test
  void aRenderKilledAtRandomMomentsLeavesOldOrNewDirsAndTheNextRunRepairsIt() throws Exception {
    Path project = dir.resolve("project");
    ProjectCopy.of(base, project);
    long full = timedChildRender(project);
    Random rnd = new Random(SEED);
    int current = 0;
    for (int k = 0; k < RANDOM_KILLS; k++) {
      int next = 1 - current;
      writeProject(project, next);
      long delayMillis = (long) (full * rnd.nextDouble() * 1.1);
      Process child = ChildJvm.start(Main.class, List.of("-C", project.toString(), "-q", "render", "-a"), dir.resolve("child.log"));
      child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
      ChildJvm.kill(child);
      assertOldOrNew(componentDirs(project.resolve("out")), current == 0 ? gen0 : gen1, next == 0 ? gen0 : gen1,
          "kill " + k + " after " + delayMillis + " ms");
      repairRun(project, next == 0 ? gen0 : gen1, "kill " + k);
      current = next;
    }
    System.out.printf(Locale.ROOT, "kill test: %d SIGKILLs at random moments of a %d ms render of %d components%n", RANDOM_KILLS,
        full, COMPONENTS);
  }

  private static void assertOldOrNew(Map<String, Map<String, TreeFile>> seen, Map<String, Map<String, TreeFile>> before,
      Map<String, Map<String, TreeFile>> after, String when) {
    for (var e : seen.entrySet()) {
      assertThat(e.getValue())
          .as("%s: %s must be all old or all new", when, e.getKey())
          .satisfiesAnyOf(f -> assertThat(f).isEqualTo(before.get(e.getKey())), f -> assertThat(f).isEqualTo(after.get(e.getKey())));
    }
  }

  /** The next render after a kill: it succeeds and leaves exactly a clean rendering, without staging leftovers. */
  private static CliRun repairRun(Path project, Map<String, Map<String, TreeFile>> expected, String after) throws IOException {
    Path out = project.resolve("out");
    CliRun repair = CliRun.of("-C", project.toString(), "render", "-a");
    assertThat(repair.exitCode()).as("repair run after %s: %s", after, repair.err()).isZero();
    assertThat(repair.err()).doesNotContain("internal error");
    assertThat(componentDirs(out)).as("output after the repair run after %s equals a clean render", after).isEqualTo(expected);
    assertThat(out.resolve(OutputLayout.STAGING_DIR)).doesNotExist();
    return repair;
  }

  private Path marker(String point) {
    return dir.resolve("reached-" + point.replace('@', '-'));
  }

  private void waitForMarker(Process child, String point) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(marker(point))) {
      assertThat(child.isAlive()).as("the child reaches %s before it exits: %s", point,
          Files.readString(dir.resolve("child-" + point + ".log"))).isTrue();
      assertThat(System.nanoTime()).as("the child reaches %s within 120 s", point).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** Renders generation {@code gen} in-process into {@code ref} and reads it back. */
  private static Map<String, Map<String, TreeFile>> cleanRender(Path project, int gen, Path ref) throws IOException {
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
