package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSystemConfigTest {
  private static final Path DISTRIBUTION_GIT = Path.of("/usr/bin/git");

  @TempDir Path dir;

  @Test
  void aDistributionGitFirstOnThePathReadsEtcGitconfig() throws IOException {
    assumeTrue(Files.isExecutable(DISTRIBUTION_GIT), "needs a distribution git at /usr/bin/git");
    Path empty = Files.createDirectory(dir.resolve("empty"));

    assertThat(GitSystemConfig.location(Map.of("PATH", empty + ":/usr/bin")::get, "Linux"))
        .contains(Path.of("/etc/gitconfig"));
  }

  @Test
  void theLocationIsTheFileThatGitItselfOpensAsItsSystemConfig() throws Exception {
    assumeTrue(Files.isExecutable(DISTRIBUTION_GIT), "needs a distribution git at /usr/bin/git");
    // git opens its system config in $GIT_EDITOR whether or not the file exists: JGit's own trick
    // for a git without --show-origin.
    ProcessBuilder edit = new ProcessBuilder(DISTRIBUTION_GIT.toString(), "config", "--system", "--edit");
    edit.environment().put("GIT_EDITOR", "echo");
    edit.environment().remove("GIT_CONFIG_NOSYSTEM");
    Process echo = edit.redirectErrorStream(true).start();
    String opened = new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(echo.waitFor(20, TimeUnit.SECONDS)).isTrue();

    assertThat(GitSystemConfig.location(Map.of("PATH", "/usr/bin")::get, "Linux")).contains(Path.of(opened));
  }

  @Test
  void aGitEarlierOnThePathIsLeftToJGitsDiscovery() throws IOException {
    Path own = Files.createDirectory(dir.resolve("bin"));
    Path git = Files.writeString(own.resolve("git"), "#!/bin/sh\n");
    assertThat(git.toFile().setExecutable(true)).isTrue();

    assertThat(GitSystemConfig.location(Map.of("PATH", own + ":/usr/bin")::get, "Linux")).isEmpty();
  }

  @Test
  void aFileNamedGitThatIsNotExecutableIsPassedOverAsJGitDoes() throws IOException {
    assumeTrue(Files.isExecutable(DISTRIBUTION_GIT), "needs a distribution git at /usr/bin/git");
    Path own = Files.createDirectory(dir.resolve("bin"));
    Files.writeString(own.resolve("git"), "not a program\n");

    assertThat(GitSystemConfig.location(Map.of("PATH", own + ":/usr/bin")::get, "Linux"))
        .contains(Path.of("/etc/gitconfig"));
  }

  @Test
  void withoutGitOnThePathThereIsNothingToPreset() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    assertThat(GitSystemConfig.location(Map.of("PATH", empty.toString())::get, "Linux")).isEmpty();
    assertThat(GitSystemConfig.location(Map.<String, String>of()::get, "Linux")).isEmpty();
  }

  @Test
  void gitConfigNoSystemIsLeftToJGitWhichReadsNoSystemConfigThen() {
    assertThat(GitSystemConfig.location(Map.of("PATH", "/usr/bin", "GIT_CONFIG_NOSYSTEM", "1")::get, "Linux")).isEmpty();
  }

  @Test
  void otherOperatingSystemsAreLeftToJGitsDiscovery() {
    assertThat(GitSystemConfig.location(Map.of("PATH", "/usr/bin")::get, "Mac OS X")).isEmpty();
  }
}
