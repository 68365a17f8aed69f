package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line builds the full model only of the subcommands it names, and nobody can tell from the output. */
class CommandTreeTest {

  @Test
  void theTopLevelHelpIsTheSameAsWithTheFullTree() {
    assertThat(CliRun.of("--help").out()).isEqualTo(usage(full()));
  }

  @Test
  void everySubcommandsHelpIsTheSameAsWithTheFullTree() {
    for (Map.Entry<String, CommandLine> sub : full().getSubcommands().entrySet()) {
      assertThat(CliRun.of(sub.getKey(), "--help").out()).as("%s --help", sub.getKey()).isEqualTo(usage(sub.getValue()));
    }
  }

  @Test
  void commandsThatReadGitGetJGitsSetUpAhead() {
    assertThat(CommandTree.mayReadGit(List.of("diff", "nginx"))).isTrue();
    assertThat(CommandTree.mayReadGit(List.of("-C", "dir", "--color", "never", "autospec", "process", "x.spec", "-"))).isTrue();
    assertThat(CommandTree.mayReadGit(List.of("--quiet", "blame", "nginx"))).as("an alias").isTrue();
    assertThat(CommandTree.mayReadGit(List.of("@args.txt"))).as("an @file may name any command").isTrue();
  }

  @Test
  void commandsThatNeverReadGitRenderAndTheRootsOwnOutputDoNot() {
    assertThat(CommandTree.mayReadGit(List.of("-C", "dir", "list"))).isFalse();
    assertThat(CommandTree.mayReadGit(List.of("show", "nginx"))).isFalse();
    assertThat(CommandTree.mayReadGit(List.of("render", "-a", "--check"))).as("render starts it once it renders").isFalse();
    assertThat(CommandTree.mayReadGit(List.of("--version"))).isFalse();
    assertThat(CommandTree.mayReadGit(List.of())).isFalse();
    assertThat(CommandTree.mayReadGit(List.of("no-such-command"))).isFalse();
  }

  @Test
  void commandsThatLoadTheProjectGetTheTomlParsersWarmUpAhead() {
    assertThat(CommandTree.mayParseToml(List.of("-C", "dir", "list"))).isTrue();
    assertThat(CommandTree.mayParseToml(List.of("show", "nginx"))).isTrue();
    assertThat(CommandTree.mayParseToml(List.of("--quiet", "diff", "nginx"))).isTrue();
    assertThat(CommandTree.mayParseToml(List.of("render", "-p", "nginx"))).isTrue();
    assertThat(CommandTree.mayParseToml(List.of("@args.txt"))).as("an @file may name any command").isTrue();
  }

  @Test
  void renderAllCommandsThatReadNoProjectAndTheRootsOwnOutputDoNotWarmTheTomlParser() {
    assertThat(CommandTree.mayParseToml(List.of("render", "-a", "--check"))).as("the stamp record may answer it").isFalse();
    assertThat(CommandTree.mayParseToml(List.of("render", "--all"))).isFalse();
    assertThat(CommandTree.mayParseToml(List.of("autospec", "process", "x.spec", "-"))).isFalse();
    assertThat(CommandTree.mayParseToml(List.of("completion", "bash"))).isFalse();
    assertThat(CommandTree.mayParseToml(List.of("--help"))).isFalse();
    assertThat(CommandTree.mayParseToml(List.of("--version"))).isFalse();
    assertThat(CommandTree.mayParseToml(List.of("no-such-command"))).isFalse();
  }

  @Test
  void aRootOptionsValueIsNotTakenForTheCommand() {
    assertThat(CommandTree.mayReadGit(List.of("-C", "render", "list"))).isFalse();
    assertThat(CommandTree.mayReadGit(List.of("--project", "list", "diff", "-a"))).isTrue();
    assertThat(CommandTree.mayReadGit(List.of("--config-file", "render", "-O", "json", "show", "x"))).isFalse();
  }

  @Test
  void everyNestedSubcommandsHelpIsTheSameAsWithTheFullTree() {
    for (Map.Entry<String, CommandLine> sub : full().getSubcommands().entrySet()) {
      for (Map.Entry<String, CommandLine> nested : sub.getValue().getSubcommands().entrySet()) {
        assertThat(CliRun.of(sub.getKey(), nested.getKey(), "--help").out()).as("%s %s --help", sub.getKey(), nested.getKey())
            .isEqualTo(usage(nested.getValue()));
      }
    }
    assertThat(full().getSubcommands().get("autospec").getSubcommands()).containsOnlyKeys("process", "calculate-release", "facts");
  }

  @Test
  void aNestedSubcommandIsBuiltInFullOnlyWhenNamed() {
    CommandLine autospec = CommandLineFactory.createFor(List.of("autospec", "process", "x.spec", "-"), quiet(), quiet())
        .getSubcommands().get("autospec");

    assertThat(autospec.getSubcommands().get("process").getCommandSpec().positionalParameters()).hasSize(2);
    assertThat(autospec.getSubcommands().get("facts").getCommandSpec().positionalParameters()).isEmpty();
    assertThat(autospec.getSubcommands().keySet()).containsExactly("process", "calculate-release", "facts");
  }

  @Test
  void onlyTheNamedSubcommandGetsItsOptions() {
    CommandLine tree = CommandLineFactory.createFor(List.of("-h", "show", "nginx"), quiet(), quiet());

    assertThat(tree.getSubcommands().get("show").getCommandSpec().optionsMap()).containsKey("--help");
    assertThat(tree.getSubcommands().get("render").getCommandSpec().optionsMap()).doesNotContainKey("--help").doesNotContainKey("--check");
    assertThat(tree.getSubcommands().keySet()).isEqualTo(full().getSubcommands().keySet());
  }

  @Test
  void aCommandLineThatStartsWithASubcommandBuildsOnlyThatOne() {
    CommandLine tree = CommandLineFactory.createFor(List.of("blame", "nginx"), quiet(), quiet());

    assertThat(tree.getSubcommands().keySet()).containsExactlyInAnyOrder("explain", "blame");
  }

  @Test
  void theRootsOptionsAndTheirValuesMayComeBeforeTheSubcommand() {
    CommandLine tree = CommandLineFactory.createFor(List.of("-C", "list", "--color=never", "-q", "--config-file", "x.toml", "render", "-a"), quiet(), quiet());

    assertThat(tree.getSubcommands().keySet()).containsExactly("render");
  }

  @Test
  void aHelpOptionBeforeTheSubcommandKeepsEveryOutlineForTheRootsHelp() {
    CommandLine tree = CommandLineFactory.createFor(List.of("-h", "render"), quiet(), quiet());

    assertThat(tree.getSubcommands().keySet()).isEqualTo(full().getSubcommands().keySet());
  }

  @Test
  void errorsInsideTheFirstNamedSubcommandReadTheSameAsWithTheFullTree() {
    for (List<String> args : List.of(List.of("render", "--bogus"), List.of("autospec", "bogus"), List.of("bench", "nosuch"),
        List.of("diff", "-U"), List.of("show", "list", "--chek"), List.of("explain", "--help"), List.of("list", "--bogus"),
        List.of("-C", "render", "--help"), List.of("-q", "render", "--bogus"), List.of("-h", "render"), List.of("--color", "never", "-V", "diff"),
        List.of("-C"), List.of("-qv", "render", "--bogus"), List.of("--C", "x", "render"), List.of("--projec", "x", "render"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine fullTree = CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true));
      int code = fullTree.execute(args.toArray(String[]::new));

      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.err()).as("%s", args).isEqualTo(err.toString());
      assertThat(run.out()).as("%s", args).isEqualTo(out.toString());
      assertThat(run.exitCode()).as("%s", args).isEqualTo(code);
    }
  }

  @Test
  void completionGetsTheWholeTree() {
    assertThat(CliRun.of("completion", "bash").out()).contains("--skip-lock-validation").contains("--component-group");
  }

  @Test
  void aMisspelledCommandIsStillSuggested() {
    assertThat(CliRun.of("rendr").err()).contains("Did you mean: 'render'");
  }

  private static CommandLine full() {
    CommandLine cli = CommandLineFactory.create(quiet(), quiet());
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    return cli;
  }

  private static String usage(CommandLine cmd) {
    StringWriter text = new StringWriter();
    cmd.usage(new PrintWriter(text, true), CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    return text.toString();
  }

  private static PrintWriter quiet() {
    return new PrintWriter(new StringWriter());
  }
}
