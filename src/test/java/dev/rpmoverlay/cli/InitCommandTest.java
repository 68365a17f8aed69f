package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpmoverlay.testing.FixtureDistGit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void writesAMinimalProjectThatValidates() throws IOException {
    Path dir = tmp.resolve("Acme");

    CliRun init = CliRun.of("init", dir.toString());

    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).contains("rpmoverlay.toml\n", "distro/distro.toml\n", "components/components.toml\n", ".gitignore\n");
    assertThat(Files.readString(dir.resolve("rpmoverlay.toml"))).contains("default-distro = { name = \"acme\" }");
    assertThat(Files.readAllLines(dir.resolve(".gitignore"))).contains("/build/");
    CliRun validate = CliRun.of("-C", dir.toString(), "validate");
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("ok: 0 components");
  }

  @Test
  void aRelativeDirIsBelowTheDirectoryGivenWithC() throws IOException {
    CliRun init = CliRun.of("-C", tmp.resolve("here").toString(), "init", "../there");

    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(tmp.resolve("there/rpmoverlay.toml")).isRegularFile();
    assertThat(Files.readString(tmp.resolve("there/rpmoverlay.toml"))).contains("default-distro = { name = \"there\" }");
  }

  @Test
  void refusesADirectoryThatHoldsAProjectAndWritesNothing() throws IOException {
    Files.createDirectories(tmp.resolve("p"));
    Files.writeString(tmp.resolve("p/azldev.toml"), "[project]\n");

    CliRun init = CliRun.of("init", tmp.resolve("p").toString());

    assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(init.err()).startsWith("rpmoverlay: error: ").contains("already holds a project (nothing was written)");
    assertThat(tmp.resolve("p/rpmoverlay.toml")).doesNotExist();
    assertThat(tmp.resolve("p/distro")).doesNotExist();
  }

  @Test
  void refusesToOverwriteAnyFileItWouldWrite() throws IOException {
    Files.createDirectories(tmp.resolve("p"));
    Files.writeString(tmp.resolve("p/.gitignore"), "mine\n");

    CliRun init = CliRun.of("init", tmp.resolve("p").toString());

    assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(init.err()).contains(".gitignore exists");
    assertThat(Files.readString(tmp.resolve("p/.gitignore"))).isEqualTo("mine\n");
    assertThat(tmp.resolve("p/rpmoverlay.toml")).doesNotExist();
  }

  @Test
  void refusesADistroNameThatIsNoTomlKey() {
    CliRun init = CliRun.of("init", "--distro", "My Distro", tmp.resolve("p").toString());

    assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(init.err()).contains("'My Distro' is not a usable distro name");
  }

  @Test
  void theNewProjectCanAddUpdateAndRenderAComponentFromADistGit() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")) || Files.isExecutable(Path.of("/bin/git")), "needs git");
    Path repos = FixtureDistGit.build(REPO, tmp.resolve("distgit"), REPO.resolve("docs/examples/fixtures"));
    Path dir = tmp.resolve("acme");
    assertThat(CliRun.of("init", dir.toString()).exitCode()).isZero();

    CliRun add = CliRun.of("-C", dir.toString(), "add", "python-pefile");
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).isEqualTo("added to components/components.toml: python-pefile\n");
    CliRun update = CliRun.of("-C", dir.toString(), "update", "--dist-git-mirror", FixtureDistGit.mirrorRule(repos), "python-pefile");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    CliRun render = CliRun.of("-C", dir.toString(), "render", "-a");
    assertThat(render.exitCode()).as(render.out() + render.err()).isZero();

    assertThat(dir.resolve("specs/p/python-pefile/python-pefile.spec")).isRegularFile();
    CliRun query = CliRun.of("-C", dir.toString(), "query", "python-pefile");
    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out()).contains("python-pefile  version        2024.8.26\n");
  }
}
