package dev.rpmoverlay.cli;

import dev.rpmoverlay.upstream.JGitSetUp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Process entry point: wires the real streams and turns the result into an exit code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Optional<ProcessCommandLine> process = startAhead(args);
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(process, args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * What the process does before the command runs: starts the set-up the command will wait for on
   * the second core, and returns {@code autospec process} read without picocli when it can be.
   * {@link CdsTraining} goes through it too, so the classes it loads come from the archive.
   */
  static Optional<ProcessCommandLine> startAhead(String[] args) {
    // autospec process, the one command timed against another tool's start-up, is read without
    // picocli when it can be (ProcessCommandLine); it reads git from its start and no TOML. The
    // other questions read the command annotations, which that command line does without.
    Optional<ProcessCommandLine> process = ProcessCommandLine.read(List.of(args));
    CommandTree.Ahead ahead = process.isPresent() ? new CommandTree.Ahead(true, false, false) : CommandTree.ahead(List.of(args));
    if (ahead.readsGit()) {
      JGitSetUp.startInBackground();
    }
    if (ahead.loadsProject()) {
      SnapshotAhead.start(List.of(args), ahead.parsesToml());
    }
    return process;
  }

  /** Runs the CLI with the given streams; tests call this in-process. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(ProcessCommandLine.read(List.of(args)), args, out, err);
  }

  static int run(Optional<ProcessCommandLine> process, String[] args, PrintWriter out, PrintWriter err) {
    try {
      return process.isPresent() ? process.get().run(out, err) : CommandLineFactory.createFor(List.of(args), out, err).execute(args);
    } finally {
      SnapshotAhead.forget(); // a project read ahead for this command is no one else's (tests and the training run many in one JVM)
    }
  }
}
