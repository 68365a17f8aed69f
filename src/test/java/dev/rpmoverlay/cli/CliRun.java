package dev.rpmoverlay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the CLI in-process and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** {@code rpmoverlay -C project args...}. */
  public static CliRun in(Path project, String... args) {
    return of(Stream.concat(Stream.of("-C", project.toString()), Stream.of(args)).toArray(String[]::new));
  }

  /** {@code rpmoverlay -C project first... rest...}: fixed leading arguments, then a test's own. */
  public static CliRun in(Path project, String[] first, String... rest) {
    return in(project, Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new));
  }
}
