package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rpmoverlay component X} is {@code rpmoverlay X}: same help, same output, same exit code. */
class ComponentAliasTest {
  private static final List<String> ALIASES = List.of("list", "show", "render", "update", "add", "diff", "query", "prepare-sources");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"list", "show", "render", "update", "add", "diff", "query"})
  void helpIsTheTopLevelCommandsHelpUnderTheLongerName(String command) {
    CliRun top = CliRun.of(command, "--help");
    CliRun alias = CliRun.of("component", command, "--help");

    assertThat(alias.exitCode()).isEqualTo(top.exitCode()).isZero();
    // the usage line's continuation is indented to the longer name; everything else is the same
    assertThat(alias.out().replaceAll("\\s+", " "))
        .isEqualTo(top.out().replace("rpmoverlay " + command, "rpmoverlay component " + command).replaceAll("\\s+", " "));
  }

  @Test
  void componentHelpListsEveryAlias() {
    CliRun help = CliRun.of("component", "--help");

    assertThat(help.exitCode()).isZero();
    for (String alias : ALIASES) {
      assertThat(help.out()).containsPattern("(?m)^  " + alias + " ");
    }
  }

  @Test
  void componentWithoutASubcommandIsAUsageError() {
    CliRun r = CliRun.of("component");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("missing subcommand");
  }

  @Test
  void listShowAndQueryPrintWhatTheTopLevelCommandsPrint() throws IOException {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha", "beta");
    assertThat(CliRun.of("-C", project.toString(), "render", "-a").exitCode()).isZero();

    for (List<String> args : List.of(List.of("list"), List.of("show", "alpha"), List.of("query", "-O", "json", "-a"), List.of("list", "-O", "json"))) {
      CliRun top = CliRun.of(concat(List.of("-C", project.toString()), args));
      CliRun alias = CliRun.of(concat(List.of("-C", project.toString(), "component"), args));
      assertThat(alias).as("component %s", args).isEqualTo(top);
      assertThat(top.exitCode()).as("%s: %s", args, top.err()).isZero();
    }
  }

  @Test
  void failuresHaveTheSameMessageAndExitCode() throws IOException {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha");

    for (List<String> args : List.of(List.of("show", "alpah"), List.of("render", "-p", "nope"), List.of("add", "alpha"),
        List.of("diff", "--chek"), List.of("query", "alpha"), List.of("update", "--check", "-a"))) {
      CliRun top = CliRun.of(concat(List.of("-C", project.toString()), args));
      CliRun alias = CliRun.of(concat(List.of("-C", project.toString(), "component"), args));
      assertThat(alias.exitCode()).as("component %s", args).isEqualTo(top.exitCode()).isNotZero();
      // a usage error's hint names the command as typed ('rpmoverlay component diff --help')
      assertThat(alias.err().replace("rpmoverlay component ", "rpmoverlay ")).as("component %s", args).isEqualTo(top.err());
    }
  }

  @Test
  void renderThroughTheAliasWritesTheSameOutput() throws IOException {
    Path a = LocalProject.write(tmp.resolve("a"), "", "alpha");
    Path b = LocalProject.write(tmp.resolve("b"), "", "alpha");

    CliRun top = CliRun.of("-C", a.toString(), "render", "-a");
    CliRun alias = CliRun.of("-C", b.toString(), "component", "render", "-a");

    assertThat(alias.exitCode()).isEqualTo(top.exitCode()).isZero();
    assertThat(alias.err()).isEqualTo(top.err());
    assertThat(b.resolve("specs/a/alpha/alpha.spec")).hasSameTextualContentAs(a.resolve("specs/a/alpha/alpha.spec"));
  }

  private static String[] concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }
}
