package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a mistyped command line gets: exit 2, one error, and the nearest known name. */
class CommandLineErrorsTest {
  /** The shipped project (the repository root). */
  private static final String PROJECT = Path.of("").toAbsolutePath().toString();

  @Test
  void unknownCommandWithHelpFails() {
    CliRun run = CliRun.of("no-such-command-here", "--help");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("rpmoverlay: error: unknown command 'no-such-command-here'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownCommandSuggestsTheNearestCommand() {
    CliRun run = CliRun.of("rendr", "-a");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown command 'rendr'").contains("Did you mean: 'render'");
  }

  @Test
  void unknownOptionSuggestsTheNearestOption() {
    CliRun run = CliRun.of("render", "--chek");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--chek'").contains("'--check'");
  }

  @Test
  void mistypedComponentSuggestsTheNearestName() {
    CliRun run = CliRun.of("-C", PROJECT, "render", "ngnix", "-o", "/nonexistent-never-written");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no component matches 'ngnix' (did you mean 'nginx'?)");
  }

  @Test
  void showOfAMistypedComponentSuggestsTheNearestName() {
    CliRun run = CliRun.of("-C", PROJECT, "show", "ngnix");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no component named 'ngnix' (did you mean 'nginx'?)");
  }

  @Test
  void mistypedGroupSuggestsTheNearestGroup() {
    CliRun run = CliRun.of("-C", PROJECT, "list", "-g", "go-module");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown component group 'go-module' (did you mean 'go-modules'?)");
  }
}
