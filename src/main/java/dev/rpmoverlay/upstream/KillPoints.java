package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points between the file operations of {@code update} and {@code fetch} where a crash test
 * SIGKILLs the process. Inert unless the JVM runs with {@code -Drpmoverlay.test.kill-point=NAME}
 * and {@code -Drpmoverlay.test.kill-marker=FILE}: then the first thread to reach point NAME writes
 * FILE and blocks, so the test can kill the process exactly there. Random timing alone would hit
 * the short windows between two renames too rarely to prove anything.
 */
public final class KillPoints {
  private static final String POINT = System.getProperty("rpmoverlay.test.kill-point", "");
  private static final String MARKER = System.getProperty("rpmoverlay.test.kill-marker", "");

  private KillPoints() {}

  /** Marks that the process reached {@code name}; blocks for good when a test asked to be killed there. */
  static void reach(String name) {
    if (POINT.isEmpty() || !POINT.equals(name) || MARKER.isEmpty()) {
      return;
    }
    try {
      Files.writeString(Path.of(MARKER), name, StandardCharsets.UTF_8);
      while (true) {
        Thread.sleep(60_000);
      }
    } catch (IOException | InterruptedException e) {
      Runtime.getRuntime().halt(137); // as close to the SIGKILL the test was about to send
    }
  }
}
