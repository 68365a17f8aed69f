package dev.rpmoverlay.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a command with its stdin and stderr on a pseudo-terminal and its stdout redirected to a
 * file, as a user's {@code rpmoverlay render -a > log} in a terminal does, through util-linux
 * {@code script}. What the terminal showed (the command's stderr) is returned.
 */
public final class PseudoTerminal {
  /** What the terminal showed and the command's exit code. */
  public record Run(int exitCode, String terminal) {}

  private PseudoTerminal() {}

  /** Whether {@code script} is there to give a command a pseudo-terminal. */
  public static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script"));
  }

  /** Runs {@code command} with {@code env} added, stdout into {@code stdout}, stderr on the terminal. */
  public static Run run(List<String> command, Map<String, String> env, Path stdout) throws IOException, InterruptedException {
    String line = command.stream().map(PseudoTerminal::quote).collect(Collectors.joining(" ")) + " > " + quote(stdout.toString());
    ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", line, "/dev/null")
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true);
    pb.environment().remove("NO_COLOR");
    pb.environment().putAll(env);
    Process p = pb.start();
    String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + line);
    }
    return new Run(p.exitValue(), shown);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
