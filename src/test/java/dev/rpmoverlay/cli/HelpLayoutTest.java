package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command's --help has the same shape: one width, the exit codes, a whole first sentence as its summary. */
class HelpLayoutTest {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("render"), List.of("list"), List.of("show"), List.of("validate"), List.of("config"), List.of("config", "dump"),
      List.of("schema"), List.of("fetch"), List.of("update"), List.of("autospec"), List.of("add"), List.of("diff"),
      List.of("explain"), List.of("completion"), List.of("bench"));

  @Test
  void noHelpLineIsWiderThanTheCommonWidth() {
    for (List<String> command : COMMANDS) {
      for (String line : help(command).split("\n")) {
        assertThat(line.length()).as("%s --help: %s", command, line).isLessThanOrEqualTo(HelpLayout.WIDTH);
      }
    }
  }

  @Test
  void everyCommandShowsTheExitCodes() {
    for (List<String> command : COMMANDS) {
      assertThat(help(command)).as("%s --help", command).contains("Exit codes:").containsPattern("\\n  2 +usage or configuration error");
    }
  }

  @Test
  void commandSummariesAreWholeSentences() {
    String commands = CliRun.of("--help").out().split("Commands:\n")[1].split("\n\n")[0];
    StringBuilder summary = new StringBuilder();
    for (String line : (commands + "\n  end").split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("    ") && summary.length() > 0) {
        assertThat(summary.toString().strip()).as("summary in rpmoverlay --help").endsWith(".");
        summary.setLength(0);
      }
      summary.append(line);
    }
  }

  @Test
  void helpIsColouredWithColorAlways() {
    assertThat(CliRun.of("--color=always", "render", "--help").out()).contains("\u001b[");
  }

  @Test
  void helpIsPlainWithColorNever() {
    assertThat(CliRun.of("--color=never", "render", "--help").out()).doesNotContain("\u001b[");
  }

  private static String help(List<String> command) {
    String[] args = new String[command.size() + 1];
    for (int i = 0; i < command.size(); i++) {
      args[i] = command.get(i);
    }
    args[command.size()] = "--help";
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as("%s --help", command).isZero();
    return run.out();
  }
}
