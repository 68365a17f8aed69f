package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points between the file operations of {@code update}, {@code fetch} and {@code render}
 * where a crash test SIGKILLs the process. Inert unless the JVM runs with
 * {@code -Drpmoverlay.test.kill-point=NAME} (or {@code NAME@N}: the N-th time a thread reaches
 * it) and {@code -Drpmoverlay.test.kill-marker=FILE}: then the thread that reaches the point
 * writes FILE and blocks, so the test can kill the process exactly there. Random timing alone
 * would hit the short windows between two renames too rarely to prove anything.
 */
public final class KillPoints {
  private static final String SPEC = System.getProperty("rpmoverlay.test.kill-point", "");
  private static final String MARKER = System.getProperty("rpmoverlay.test.kill-marker", "");
  private static final String POINT = SPEC.contains("@") ? SPEC.substring(0, SPEC.indexOf('@')) : SPEC;
  private static final int OCCURRENCE = SPEC.contains("@") ? Integer.parseInt(SPEC.substring(SPEC.indexOf('@') + 1)) : 1;
  private static final AtomicInteger REACHED = new AtomicInteger();

  private KillPoints() {}

  /** Marks that the process reached {@code name}; blocks for good when a test asked to be killed there. */
  public static void reach(String name) {
    if (POINT.isEmpty() || !POINT.equals(name) || MARKER.isEmpty() || REACHED.incrementAndGet() != OCCURRENCE) {
      return;
    }
    try {
      Files.writeString(Path.of(MARKER), SPEC, StandardCharsets.UTF_8);
      while (true) {
        Thread.sleep(60_000);
      }
    } catch (IOException | InterruptedException e) {
      Runtime.getRuntime().halt(137); // as close to the SIGKILL the test was about to send
    }
  }
}
