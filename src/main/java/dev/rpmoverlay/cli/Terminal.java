package dev.rpmoverlay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the process's standard streams are connected to, and so whether colour and progress bars
 * are wanted. {@link System#console()} answers only for stdin and stdout together, so a run whose
 * stdout goes to a file or a pipe would lose the progress it draws on stderr; on Linux the
 * descriptor's link under /proc/self/fd tells each stream apart (a terminal is /dev/pts/N or
 * /dev/ttyN), elsewhere the console is all there is to go on.
 */
final class Terminal {
  private Terminal() {}

  static boolean stdoutIsTerminal() {
    return isTerminal(1);
  }

  static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  /** Whether NO_COLOR (https://no-color.org) asks for no colour: set and not empty. */
  static boolean noColorRequested() {
    String value = System.getenv("NO_COLOR");
    return value != null && !value.isEmpty();
  }

  /** Whether output to stdout should be coloured under {@code mode}: always, never, or on a terminal without NO_COLOR. */
  static boolean colorStdout(RootCommand.ColorMode mode) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> !noColorRequested() && stdoutIsTerminal();
    };
  }

  /** Same as {@link #colorStdout} for stderr. */
  static boolean colorStderr(RootCommand.ColorMode mode) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> !noColorRequested() && stderrIsTerminal();
    };
  }

  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (Files.isDirectory(Path.of("/proc/self/fd"))) {
      try {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
