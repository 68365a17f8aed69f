package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.ChildJvm;
import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.testing.ProjectCopy;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a SIGKILL at any point of {@code update} leaves every lock and every cache entry either
 * old or new, never a half-written one, and the next command (render, fetch or update) makes each
 * component's lock and entry name the same commit again. A child JVM runs {@code update -a} and
 * blocks at one of the named points between its file operations ({@code KillPoints}); the test then
 * SIGKILLs it there, so every window between two renames is hit, not just the likely ones. The
 * five children (one project and mirror copy each) start together.
 */
class KilledUpdateTest {
  static final List<String> COMPONENTS = List.of("curl", "zlib");
  /** Every point between two file operations of update's commit sequence, in order. */
  static final List<String> POINTS = List.of("entry-staged", "lock-journaled", "entry-aside", "entry-installed", "lock-written");

  @TempDir Path tmp;

  @Test
  void updateKilledAtEveryPointLeavesOldOrNewStateAndTheNextCommandMakesLockAndEntryAgree() throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    for (String c : COMPONENTS) {
      try (Git git = Git.init().setDirectory(server.resolve(c).toFile()).setInitialBranch("f43").call()) {
        commit(git, c, "1.0", "2026-01-01T00:00:00Z");
      }
    }
    Path base = FedoraProject.write(tmp.resolve("base"), server.toUri().toString(), COMPONENTS.toArray(String[]::new));
    CliRun first = CliRun.of("-C", base.toString(), "-q", "update", "-a", "--mirror-dir", mirrors().toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    Map<String, String> oldCommits = commits(base);
    for (String c : COMPONENTS) {
      try (Git git = Git.open(server.resolve(c).toFile())) {
        commit(git, c, "2.0", "2026-01-10T00:00:00Z");
      }
    }

    // One child per point, each on its own copy of the project and the mirrors, all started at
    // once: each blocks at its point until it is killed, so they do not disturb each other.
    Map<String, Process> children = new TreeMap<>();
    for (String point : POINTS) {
      Path project = tmp.resolve("kill-" + point);
      ProjectCopy.of(base, project);
      ProjectCopy.of(mirrors(), mirrors(point));
      children.put(point, ChildJvm.builder(Main.class,
              List.of("-Drpmoverlay.test.kill-point=" + point, "-Drpmoverlay.test.kill-marker=" + marker(point)),
              List.of("-C", project.toString(), "update", "-a", "--force-recalculate", "-j", "1", "--mirror-dir", mirrors(point).toString()))
          .redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + point + ".log").toFile()).start());
    }
    for (String point : POINTS) {
      waitForMarker(children.get(point), marker(point), point);
      ChildJvm.kill(children.get(point));
    }

    List<String> repairs = new ArrayList<>();
    for (int i = 0; i < POINTS.size(); i++) {
      String point = POINTS.get(i);
      Path project = tmp.resolve("kill-" + point);

      // Right after the kill: each lock and each entry is whole, old or new (an entry may be set
      // aside between the two renames of its swap; the next command puts it back).
      Map<String, String> locks = lockCommits(project);
      for (String c : COMPONENTS) {
        assertThat(locks.get(c)).as("%s: lock of %s after a kill at %s", point, c, point)
            .isIn(oldCommits.get(c), newCommit(server, c));
        Path entry = project.resolve("upstream-cache/" + c);
        if (Files.exists(entry)) {
          assertThat(UpstreamCache.open(project.resolve("upstream-cache")).entry(c).metadata().commit())
              .as("%s: entry of %s", point, c).isIn(oldCommits.get(c), newCommit(server, c));
        } else {
          assertThat(point).isEqualTo("entry-aside");
        }
      }

      // The next command repairs first; use each of the three commands that do.
      List<String> next = switch (i % 3) {
        case 0 -> List.of("-C", project.toString(), "render", "-a");
        case 1 -> List.of("-C", project.toString(), "fetch", "-a", "--mirror-dir", mirrors(point).toString());
        default -> List.of("-C", project.toString(), "update", "-a", "--check");
      };
      CliRun repair = CliRun.of(next.toArray(String[]::new));
      if (!next.contains("--check")) {
        assertThat(repair.exitCode()).as("%s: %s\n%s", point, next, repair.err()).isZero();
      } else {
        // --check writes nothing; update itself repairs before it reads a lock
        repair = CliRun.of("-C", project.toString(), "update", "-a", "--mirror-dir", mirrors(point).toString());
        assertThat(repair.exitCode()).as("%s: %s", point, repair.err()).isZero();
      }
      repairs.add(point + ": " + repair.err().lines().filter(l -> l.contains("update of") || l.contains("restored")).toList());
      Map<String, String> after = lockCommits(project);
      for (String c : COMPONENTS) {
        assertThat(UpstreamCache.open(project.resolve("upstream-cache")).entry(c).metadata().commit())
            .as("%s: lock and entry of %s name the same commit after the repair", point, c).isEqualTo(after.get(c));
      }
      assertNoLeftovers(project);
      CliRun check = CliRun.of("-C", project.toString(), "update", "-a", "--check");
      assertThat(check.exitCode()).as("%s: %s", point, check.err()).isZero();
    }
    System.out.println("killed update, repairs: " + repairs);
    assertThat(String.join("\n", repairs)).contains("completed the update of", "rolled back the update of",
        "restored the upstream cache entry");
  }

  void waitForMarker(Process child, Path marker, String point) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(marker)) {
      assertThat(child.isAlive()).as("the child reaches %s before it exits: %s", point,
          Files.readString(tmp.resolve("child-" + point + ".log"))).isTrue();
      assertThat(System.nanoTime()).as("the child reaches %s within 120 s", point).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  Path mirrors() {
    return tmp.resolve("mirrors");
  }

  Path mirrors(String point) {
    return tmp.resolve("mirrors-" + point);
  }

  Path marker(String point) {
    return tmp.resolve("reached-" + point);
  }

  static void assertNoLeftovers(Path project) throws IOException {
    for (String d : List.of("upstream-cache", "locks")) {
      try (Stream<Path> s = Files.list(project.resolve(d))) {
        assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).as(d).isEmpty();
      }
    }
  }

  static void commit(Git git, String name, String version, String when) throws Exception {
    Path work = git.getRepository().getWorkTree().toPath();
    Files.writeString(work.resolve(name + ".spec"), "Name: " + name + "\nVersion: " + version
        + "\nRelease: 1\nSummary: x\nLicense: MIT\n\n%description\nx\n");
    git.add().addFilepattern(name + ".spec").call();
    PersonIdent who = new PersonIdent("Packager", "p@example.org", Instant.parse(when), ZoneOffset.UTC);
    git.commit().setMessage(name + " " + version).setAuthor(who).setCommitter(who).call();
  }

  static String newCommit(Path server, String c) throws IOException {
    try (Git git = Git.open(server.resolve(c).toFile())) {
      return git.getRepository().resolve("refs/heads/f43").name();
    }
  }

  static Map<String, String> commits(Path project) {
    Map<String, String> m = new TreeMap<>();
    for (String c : COMPONENTS) {
      m.put(c, UpstreamCache.open(project.resolve("upstream-cache")).entry(c).metadata().commit());
    }
    return m;
  }

  static Map<String, String> lockCommits(Path project) {
    Map<String, String> m = new TreeMap<>();
    LockStore store = new LockStore(project.resolve("locks"));
    for (String c : COMPONENTS) {
      m.put(c, store.read(c).orElseThrow().upstreamCommit());
    }
    return m;
  }
}
