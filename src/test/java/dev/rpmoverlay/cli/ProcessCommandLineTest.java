package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@code autospec process} read without picocli: only command lines that picocli reads the same
 * way, and everything else left to picocli.
 */
class ProcessCommandLineTest {
  @TempDir Path tmp;

  /** What a command line sets: the root's two flags and the command's three values. */
  private record Values(boolean quiet, boolean verbose, Path specOrDir, String target, String toolVersion) {
    static Values of(RootCommand global, AutospecCommand.Process command) {
      return new Values(global.quiet(), global.verbose(), command.specOrDir, command.target, command.toolVersion);
    }
  }

  private static Optional<Values> read(String... args) {
    return ProcessCommandLine.read(List.of(args)).map(line -> Values.of(line.global(), line.command()));
  }

  /** How picocli reads {@code args} in the tree {@code Main} builds for them; empty when it refuses them or they run something else. */
  private static Optional<Values> picocli(List<String> args) {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    CommandLine cli = CommandLineFactory.createFor(args, sink, sink);
    ParseResult result;
    try {
      result = cli.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
    ParseResult leaf = result;
    while (leaf.subcommand() != null) {
      leaf = leaf.subcommand();
    }
    if (result.isUsageHelpRequested() || result.isVersionHelpRequested() || leaf.isUsageHelpRequested()
        || !(leaf.commandSpec().userObject() instanceof AutospecCommand.Process command)) {
      return Optional.empty();
    }
    return Optional.of(Values.of((RootCommand) result.commandSpec().userObject(), command));
  }

  @Test
  void readsTheEverydayForms() {
    assertThat(read("autospec", "process", "bash.spec", "out.spec"))
        .contains(new Values(false, false, Path.of("bash.spec"), "out.spec", "0.8.5"));
    assertThat(read("-q", "autospec", "process", "pkg/dir", "-"))
        .contains(new Values(true, false, Path.of("pkg/dir"), "-", "0.8.5"));
    assertThat(read("autospec", "process", "--tool-version", "9.9", "a.spec", "-", "--verbose"))
        .contains(new Values(false, true, Path.of("a.spec"), "-", "9.9"));
    assertThat(read("--verbose", "autospec", "process", "a.spec", "--tool-version=1.0", "b.spec", "-q"))
        .contains(new Values(true, true, Path.of("a.spec"), "b.spec", "1.0"));
  }

  @Test
  void leavesHelpUsageErrorsAndAnyOtherFormToPicocli() {
    assertThat(read("autospec", "process", "--help")).isEmpty();
    assertThat(read("autospec", "process", "a.spec", "-", "-h")).isEmpty();
    assertThat(read("autospec", "process", "a.spec")).as("a missing TARGET").isEmpty();
    assertThat(read("autospec", "process", "a.spec", "b", "c")).as("one too many").isEmpty();
    assertThat(read("-q", "autospec", "process", "a.spec", "-", "--quiet")).as("an option given twice").isEmpty();
    assertThat(read("autospec", "process", "-qv", "a.spec", "-")).as("clustered options").isEmpty();
    assertThat(read("autospec", "process", "@args", "-")).as("an @file").isEmpty();
    assertThat(read("autospec", "process", "--", "a.spec", "-")).isEmpty();
    assertThat(read("autospec", "process", "--tool-version", "a.spec", "-")).as("a value missing").isEmpty();
    assertThat(read("autospec", "process", "--tool-version=", "a.spec", "-")).isEmpty();
    assertThat(read("-C", "dir", "autospec", "process", "a.spec", "-")).as("another root option").isEmpty();
    assertThat(read("autospec", "calculate-release", "a.spec")).isEmpty();
    assertThat(read("autospec", "process", "x\0y", "-")).as("not a path (picocli reports it)").isEmpty();
  }

  @Test
  void everyCommandLineItReadsPicocliReadsIntoTheSameValues() {
    List<String> before = List.of("-q", "--quiet", "-v", "--verbose", "-C", "dir", "--color=never", "-qv", "autospec", "process");
    List<String> words = List.of("a.spec", "dir/b", "-", "9.9", "process", "autospec", "facts", "help", "x\0y");
    List<String> others = List.of("-q", "--quiet", "-v", "--verbose", "--tool-version", "--tool-version=1.2", "--tool-version=",
        "--", "@f", "-h", "--help", "", "-x", "-V", "-qv", "--quiet=true", "-C", "dir");
    Random random = new Random(17);
    int read = 0;
    for (int n = 0; n < 5000; n++) {
      List<String> args = new ArrayList<>();
      for (int k = random.nextInt(3); k > 0; k--) {
        args.add(before.get(random.nextInt(before.size())));
      }
      if (random.nextInt(10) > 0) {
        args.addAll(List.of("autospec", "process"));
      }
      List<String> rest = new ArrayList<>();
      for (int k = random.nextInt(5) < 3 ? 2 : 1 + random.nextInt(3); k > 0; k--) {
        rest.add(words.get(random.nextInt(words.size())));
      }
      for (int k = random.nextInt(4); k > 0; k--) {
        rest.add(others.get(random.nextInt(others.size())));
      }
      java.util.Collections.shuffle(rest, random);
      args.addAll(rest);
      Optional<Values> fast = read(args.toArray(String[]::new));
      if (fast.isPresent()) {
        read++;
        assertThat(picocli(args)).as("%s", args).isEqualTo(fast);
      }
    }
    assertThat(read).as("command lines read without picocli").isGreaterThan(400);
  }

  @Test
  void aFailureIsReportedAsPicocliReportsIt() {
    String[] args = {"autospec", "process", tmp.resolve("missing.spec").toString(), "-"};
    assertThat(ProcessCommandLine.read(List.of(args))).isPresent();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CommandLineFactory.createFor(List.of(args), new PrintWriter(out), new PrintWriter(err)).execute(args);
    CliRun direct = CliRun.of(args);
    assertThat(direct).isEqualTo(new CliRun(code, out.toString(), err.toString()));
    assertThat(direct.err()).startsWith("rpmoverlay: error: ").contains("spec file not found");
  }
}
