package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The everyday command line of {@code autospec process}, read without picocli. Its runs are timed
 * against rpmautospec's, and on a 20-commit history picocli took about half of the main thread's
 * time after the JVM started (~100 ms at load 5: the command annotations read for {@link
 * CommandTree#ahead}, a proxy class generated per annotation type, the model built by
 * reflection, the parse), with JGit's set-up started only after the first part of it. This reads
 * only a narrow form, and everything else goes to picocli, which stays the one place that knows
 * the whole syntax, prints help and reports usage errors:
 *
 * <pre>
 *   [-q|--quiet|-v|--verbose]... autospec process ARG...
 * </pre>
 *
 * where the ARGs after {@code process} are exactly two positional parameters (SPEC_OR_DIR and
 * TARGET, each a non-empty word that starts with neither {@code -} nor {@code @}, or a lone
 * {@code -}), {@code -q}/{@code --quiet}/{@code -v}/{@code --verbose} and {@code --tool-version
 * VERSION}/{@code --tool-version=VERSION} (VERSION also such a word), each option at most once.
 * Those are command lines picocli accepts and reads into the same fields
 * ({@code ProcessCommandLineTest} compares the two on generated command lines), so the command runs
 * the same: the same {@link AutospecCommand.Process} code on the same values, failures reported by
 * the same {@link ErrorReporter}.
 *
 * @param global the root's options as read
 * @param command the command with its options and parameters set
 */
record ProcessCommandLine(RootCommand global, AutospecCommand.Process command) {
  private static final String TOOL_VERSION = "--tool-version";

  /** The command line {@code args} as a run of {@code autospec process}; empty when picocli must read it. */
  static Optional<ProcessCommandLine> read(List<String> args) {
    if (System.getProperty("picocli.trace") != null) {
      return Optional.empty(); // picocli's own debugging output was asked for
    }
    Set<String> seen = new HashSet<>();
    RootCommand global = new RootCommand();
    int i = 0;
    while (i < args.size() && flag(args.get(i), global, seen)) {
      i++;
    }
    if (i + 2 > args.size() || !args.get(i).equals("autospec") || !args.get(i + 1).equals("process")) {
      return Optional.empty();
    }
    AutospecCommand.Process command = new AutospecCommand.Process();
    List<String> positional = new ArrayList<>();
    for (i += 2; i < args.size(); i++) {
      String arg = args.get(i);
      if (flag(arg, global, seen)) {
        continue;
      }
      String version = null;
      if (arg.equals(TOOL_VERSION) && i + 1 < args.size()) {
        version = args.get(++i);
      } else if (arg.startsWith(TOOL_VERSION + "=")) {
        version = arg.substring(TOOL_VERSION.length() + 1);
      }
      if (version != null) {
        if (!word(version) || !seen.add(TOOL_VERSION)) {
          return Optional.empty();
        }
        command.toolVersion = version;
      } else if (word(arg) || arg.equals("-")) {
        positional.add(arg);
      } else {
        return Optional.empty();
      }
    }
    if (positional.size() != 2) {
      return Optional.empty();
    }
    try {
      command.specOrDir = Path.of(positional.get(0)); // picocli's converter for Path
    } catch (InvalidPathException e) {
      return Optional.empty(); // picocli reports it
    }
    command.target = positional.get(1);
    return Optional.of(new ProcessCommandLine(global, command));
  }

  /** Runs the command, as picocli's execution would. */
  int run(PrintWriter out, PrintWriter err) {
    return command.executeDirectly(global, out, err);
  }

  /** Whether {@code arg} is one of the root's flags this reads, given the first time; sets it. */
  private static boolean flag(String arg, RootCommand global, Set<String> seen) {
    switch (arg) {
      case "-q", "--quiet" -> global.quiet = true;
      case "-v", "--verbose" -> global.verbose = true;
      default -> {
        return false;
      }
    }
    // a repeated option is picocli's to accept or refuse: not a flag here, so the line is not read
    return seen.add(arg.startsWith("--") ? arg : arg.equals("-q") ? "--quiet" : "--verbose");
  }

  /** A value picocli cannot take for an option, a cluster of options or an @file. */
  private static boolean word(String arg) {
    return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@");
  }
}
