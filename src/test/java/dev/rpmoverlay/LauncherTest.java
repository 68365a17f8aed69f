package dev.rpmoverlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./rpmoverlay} launcher, run with stand-ins for mvn and java so no real build happens. */
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void firstBuildLeaksNoEscapeCodesFromMaven() throws Exception {
    assumeTrue(DocCommandRunner.onPath("bash") && DocCommandRunner.onPath("sed"), "needs bash and sed");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("src/main"));
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
    Files.copy(Path.of("rpmoverlay"), repo.resolve("rpmoverlay"));
    Path bin = tmp.resolve("bin");
    // Maven 3.8 with -B -q still writes these resets before anything else
    executable(bin.resolve("mvn"), "#!/usr/bin/env bash\nprintf '\\033[0m\\033[0m'\nmkdir -p target && touch target/rpmoverlay.jar\n");
    executable(bin.resolve("java"), "#!/usr/bin/env bash\necho '42 components: 42 up to date'\n");

    ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("rpmoverlay").toString(), "render", "-a").redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("42 components").doesNotContain("\033");
  }

  @Test
  void rebuildsOnlyWhenAFileBelowTheSourcesOrThePomIsNewerThanTheJar() throws Exception {
    assumeTrue(DocCommandRunner.onPath("bash"), "needs bash");
    Path repo = tmp.resolve("repo");
    Path source = repo.resolve("src/main/java/dev/x/A.java");
    Path template = repo.resolve("templates/.hidden/t.mustache");
    Path jar = repo.resolve("target/rpmoverlay.jar");
    for (Path file : java.util.List.of(source, template, repo.resolve("pom.xml"), jar)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x\n");
    }
    Files.copy(Path.of("rpmoverlay"), repo.resolve("rpmoverlay"));
    Path bin = tmp.resolve("bin");
    executable(bin.resolve("mvn"), "#!/usr/bin/env bash\necho built\n");
    executable(bin.resolve("java"), "#!/usr/bin/env bash\necho ran\n");
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
    java.nio.file.attribute.FileTime newer = java.nio.file.attribute.FileTime.fromMillis(1_700_000_100_000L);
    try (var all = Files.walk(repo)) {
      for (Path p : all.toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }
    Files.setLastModifiedTime(jar, newer);
    assertThat(launch(repo, bin)).isEqualTo("ran\n");

    for (Path touched : java.util.List.of(source, template, source.getParent(), repo.resolve("src/main"), repo.resolve("pom.xml"))) {
      Files.setLastModifiedTime(touched, java.nio.file.attribute.FileTime.fromMillis(1_700_000_200_000L));
      assertThat(launch(repo, bin)).as("%s newer than the jar", repo.relativize(touched)).contains("built");
      Files.setLastModifiedTime(touched, old);
    }
  }

  private static String launch(Path repo, Path bin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("rpmoverlay").toString(), "--version").redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("RPMOVERLAY_CDS", "off");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  private static void executable(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
