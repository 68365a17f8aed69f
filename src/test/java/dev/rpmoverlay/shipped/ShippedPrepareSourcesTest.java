package dev.rpmoverlay.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpmoverlay.cli.CliRun;
import dev.rpmoverlay.cli.Main;
import dev.rpmoverlay.testing.ChildJvm;
import dev.rpmoverlay.testing.DirectoryContents;
import dev.rpmoverlay.testing.ProjectCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prepare-sources} on the shipped project's archive-overlay component (lumen-motd): the
 * result builds an SRPM with {@code rpmbuild -bs}, and its bytes do not depend on where or in which
 * time zone it was prepared.
 */
class ShippedPrepareSourcesTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void rpmbuildAcceptsThePreparedDirectoryAndBuildsTheSrpm() throws Exception {
    assumeTrue(onPath("rpmbuild"), "needs rpmbuild (apt-get install rpm)");
    Path project = tmp.resolve("lumen");
    ProjectCopy.of(REPO, project);
    Path prepared = tmp.resolve("prepared");
    CliRun r = CliRun.of("-C", project.toString(), "prepare-sources", "lumen-motd", "-o", prepared.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    Path srpms = tmp.resolve("srpms");
    Process p = new ProcessBuilder("rpmbuild", "-bs", "--define", "_topdir " + tmp.resolve("rpmbuild"),
        "--define", "_sourcedir " + prepared, "--define", "_srcrpmdir " + srpms, prepared.resolve("lumen-motd.spec").toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    try (Stream<Path> s = Files.list(srpms)) {
      // Release 1: the copy has no git history, so no downstream change bumps it (golden/, rendered in the repository, has 2)
      assertThat(s.map(f -> f.getFileName().toString())).containsExactly("lumen-motd-1.2-1.src.rpm");
    }
  }

  @Test
  void theSameProjectPreparesToTheSameBytesInAnotherDirectoryAndTimeZone() throws Exception {
    Map<String, String> east = prepareInChildJvm(tmp.resolve("one/lumen"), "Pacific/Kiritimati");
    Map<String, String> west = prepareInChildJvm(tmp.resolve("two/somewhere/else/lumen"), "America/Los_Angeles");
    assertThat(east).containsKeys("lumen-motd-1.2.tar.gz", "lumen-motd.spec", "sources");
    assertThat(west).isEqualTo(east);
  }

  private Map<String, String> prepareInChildJvm(Path project, String zone) throws Exception {
    ProjectCopy.of(REPO, project);
    Path out = project.resolveSibling("prepared");
    ProcessBuilder pb = ChildJvm.builder(Main.class, List.of("-C", project.toString(), "prepare-sources", "lumen-motd",
        "-o", out.toString()));
    pb.command().add(1, "-Duser.timezone=" + zone);
    pb.environment().put("TZ", zone);
    pb.environment().put("LC_ALL", zone.startsWith("Pacific") ? "C" : "C.UTF-8");
    Process p = pb.redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    return DirectoryContents.of(out);
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
