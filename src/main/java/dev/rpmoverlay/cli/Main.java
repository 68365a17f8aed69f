package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.TomlWarmUp;
import dev.rpmoverlay.upstream.JGitSetUp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: wires the real streams and turns the result into an exit code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (CommandTree.mayReadGit(java.util.List.of(args))) {
      JGitSetUp.startInBackground();
    }
    if (CommandTree.mayParseToml(java.util.List.of(args))) {
      TomlWarmUp.startInBackground();
    }
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the CLI with the given streams; tests call this in-process. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return CommandLineFactory.createFor(java.util.List.of(args), out, err).execute(args);
  }
}
