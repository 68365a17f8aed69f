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
    assertThat(CommandTree.ahead(List.of("diff", "nginx")).readsGit()).isTrue();
    assertThat(CommandTree.ahead(List.of("-C", "dir", "--color", "never", "autospec", "process", "x.spec", "-")).readsGit()).isTrue();
    assertThat(CommandTree.ahead(List.of("--quiet", "blame", "nginx")).readsGit()).as("an alias").isTrue();
    assertThat(CommandTree.ahead(List.of("@args.txt")).readsGit()).as("an @file may name any command").isTrue();
  }

  @Test
  void commandsThatNeverReadGitRenderAndTheRootsOwnOutputDoNot() {
    assertThat(CommandTree.ahead(List.of("-C", "dir", "list")).readsGit()).isFalse();
    assertThat(CommandTree.ahead(List.of("show", "nginx")).readsGit()).isFalse();
    assertThat(CommandTree.ahead(List.of("render", "-a", "--check")).readsGit()).as("render starts it once it renders").isFalse();
    assertThat(CommandTree.ahead(List.of("--version")).readsGit()).isFalse();
    assertThat(CommandTree.ahead(List.of()).readsGit()).isFalse();
    assertThat(CommandTree.ahead(List.of("no-such-command")).readsGit()).isFalse();
  }

  @Test
  void commandsThatLoadTheProjectGetTheTomlParsersWarmUpAhead() {
    assertThat(CommandTree.ahead(List.of("-C", "dir", "list")).parsesToml()).isTrue();
    assertThat(CommandTree.ahead(List.of("show", "nginx")).parsesToml()).isTrue();
    assertThat(CommandTree.ahead(List.of("--quiet", "diff", "nginx")).parsesToml()).isTrue();
    assertThat(CommandTree.ahead(List.of("render", "-p", "nginx")).parsesToml()).isTrue();
    assertThat(CommandTree.ahead(List.of("@args.txt")).parsesToml()).as("an @file may name any command").isTrue();
  }

  @Test
  void renderAllCommandsThatReadNoProjectAndTheRootsOwnOutputDoNotWarmTheTomlParser() {
    assertThat(CommandTree.ahead(List.of("render", "-a", "--check")).parsesToml()).as("the stamp record may answer it").isFalse();
    assertThat(CommandTree.ahead(List.of("render", "--all")).parsesToml()).isFalse();
    assertThat(CommandTree.ahead(List.of("autospec", "process", "x.spec", "-")).parsesToml()).isFalse();
    assertThat(CommandTree.ahead(List.of("completion", "bash")).parsesToml()).isFalse();
    assertThat(CommandTree.ahead(List.of("--help")).parsesToml()).isFalse();
    assertThat(CommandTree.ahead(List.of("--version")).parsesToml()).isFalse();
    assertThat(CommandTree.ahead(List.of("no-such-command")).parsesToml()).isFalse();
  }

  @Test
  void everyCommandThatLoadsTheProjectRenderAllTooGetsItsSnapshotReadAhead() {
    assertThat(CommandTree.ahead(List.of("render", "-a", "--check")).loadsProject()).isTrue();
    assertThat(CommandTree.ahead(List.of("-C", "dir", "list")).loadsProject()).isTrue();
    assertThat(CommandTree.ahead(List.of("autospec", "process", "x.spec", "-")).loadsProject()).isFalse();
    assertThat(CommandTree.ahead(List.of("--help")).loadsProject()).isFalse();
  }

  @Test
  void aRootOptionsValueIsNotTakenForTheCommand() {
    assertThat(CommandTree.ahead(List.of("-C", "render", "list")).readsGit()).isFalse();
    assertThat(CommandTree.ahead(List.of("--project", "list", "diff", "-a")).readsGit()).isTrue();
    assertThat(CommandTree.ahead(List.of("--config-file", "render", "-O", "json", "show", "x")).readsGit()).isFalse();
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
