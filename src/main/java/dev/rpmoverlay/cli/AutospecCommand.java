package dev.rpmoverlay.cli;

import dev.rpmoverlay.release.LocalPackageHistory;
import dev.rpmoverlay.release.Autospec;
import dev.rpmoverlay.release.AutospecInput;
import dev.rpmoverlay.release.AutospecOutcome;
import dev.rpmoverlay.release.AutospecResult;
import dev.rpmoverlay.release.HistoryFacts;
import dev.rpmoverlay.release.HistoryFactsJson;
import dev.rpmoverlay.release.IncompleteHistoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rpmoverlay autospec}: rpmoverlay's rpmautospec implementation on a local dist-git
 * checkout, so its results can be compared with rpmautospec's own.
 */
@Command(
    name = "autospec",
    mixinStandardHelpOptions = true,
    description = {
      "Compute %%autorelease / %%autochangelog from a local git checkout, like rpmautospec.",
      "SPEC_OR_DIR is a .spec file, or a directory D holding D.spec, inside a git repository;"
          + " the history is read from HEAD (uncommitted changes are not counted)."
    })
final class AutospecCommand implements Runnable {
  /**
   * The subcommands, in --help order. {@link CommandTree} adds them, so that {@code autospec
   * process} does not build the other two's models: its runs are timed against rpmautospec's.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(Process.class, CalculateRelease.class, Facts.class);

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'rpmoverlay autospec --help')");
  }

  /** Shared by the subcommands: open the package, warn about what is not modelled, compute. */
  abstract static class Base extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SPEC_OR_DIR", description = "The spec file, or the package directory.")
    Path specOrDir;

    AutospecOutcome compute(LocalPackageHistory pkg, String toolVersion) {
      // The work-tree status and the history walk read the repository independently: the status
      // runs on the second core while the history is read (autospec process, 20 commits: both
      // ~50 ms of a ~0.4 s run). The status only feeds a warning, which -q leaves out: then it
      // is not read at all (20 commits: ~0.05 s less CPU).
      CompletableFuture<Boolean> dirty =
          global().quiet() ? CompletableFuture.completedFuture(false) : CompletableFuture.supplyAsync(pkg::dirty);
      HistoryFacts facts = pkg.facts();
      if (joined(dirty)) {
        info("rpmoverlay: warning: " + pkg.spec.getParent() + " has uncommitted changes; they are not counted"
            + " (rpmautospec would add an 'Uncommitted changes' entry dated now)");
      }
      AutospecInput input = new AutospecInput(facts, List.of(), pkg.specText, null, pkg.includes());
      try {
        AutospecOutcome outcome = new Autospec(toolVersion).run(input);
        if (global().verbose()) {
          for (String note : outcome.result().notes()) {
            err().println("rpmoverlay: note: " + note);
          }
        }
        return outcome;
      } catch (IncompleteHistoryException e) {
        throw new UserException(pkg.spec + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean joined(CompletableFuture<Boolean> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  @Command(name = "process", description = "Write the spec as 'rpmautospec process-distgit' does (nothing when there is nothing to do).")
  static final class Process extends Base {
    @Parameters(index = "1", paramLabel = "TARGET", description = "Where to write the processed spec ('-' for standard output).")
    String target;

    @Option(names = "--tool-version", paramLabel = "VERSION",
        description = "rpmautospec version recorded in the spec (default: ${DEFAULT-VALUE}).")
    String toolVersion = Autospec.DEFAULT_TOOL_VERSION;

    @Override
    protected int execute() throws IOException {
      try (LocalPackageHistory pkg = LocalPackageHistory.open(specOrDir)) {
        AutospecOutcome outcome = compute(pkg, toolVersion);
        if (outcome.processedSpec().isEmpty()) {
          info(pkg.spec + ": nothing to do (the spec does not use rpmautospec, or was processed already)");
          return ExitCodes.OK;
        }
        String text = outcome.processedSpec().get();
        if (target.equals("-")) {
          out().print(text);
        } else {
          Path out = Path.of(target).toAbsolutePath();
          if (Files.exists(out) && !Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
            // A device (/dev/null), pipe or symlink is written through: renaming a temporary
            // file over it would replace it with a regular file.
            Files.writeString(out, text, StandardCharsets.UTF_8);
            return ExitCodes.OK;
          }
          Path tmp = Files.createTempFile(out.getParent(), ".autospec-", ".tmp");
          Files.writeString(tmp, text, StandardCharsets.UTF_8);
          Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "calculate-release", description = "Print the release as 'rpmautospec calculate-release' does.")
  static final class CalculateRelease extends Base {
    @Override
    protected int execute() {
      try (LocalPackageHistory pkg = LocalPackageHistory.open(specOrDir)) {
        AutospecResult result = compute(pkg, Autospec.DEFAULT_TOOL_VERSION).result();
        out().println("Calculated release number: " + result.release());
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "facts", description = "Print the history facts rpmoverlay stores for this package (JSON).")
  static final class Facts extends Base {
    @Override
    protected int execute() {
      try (LocalPackageHistory pkg = LocalPackageHistory.open(specOrDir)) {
        out().print(HistoryFactsJson.write(pkg.facts()));
        return ExitCodes.OK;
      }
    }
  }
}
