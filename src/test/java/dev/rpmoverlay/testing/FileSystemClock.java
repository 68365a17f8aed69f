package dev.rpmoverlay.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * The file-system clock as stamps see it. File times advance in ticks (a few milliseconds, or a
 * whole second on some file systems), and stamp-based records such as the upstream cache's
 * verification record refuse to trust a file changed in the current tick; a test that writes files
 * and then wants them trusted waits for the next tick first.
 */
public final class FileSystemClock {
  private FileSystemClock() {}

  /**
   * Returns once the file-system clock of {@code dir} has moved past every write made before the
   * call: a probe file written now is rewritten until its status-change time moves.
   */
  public static void tickPast(Path dir) throws IOException, InterruptedException {
    Path probe = Files.createTempFile(dir, ".clock-", ".probe");
    try {
      long first = ctime(probe);
      for (int i = 0; i < 2_000; i++) {
        Thread.sleep(1);
        Files.write(probe, new byte[] {(byte) i});
        if (ctime(probe) > first) {
          return;
        }
      }
      throw new IllegalStateException("the file-system clock of " + dir + " did not move in 2 s");
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  private static long ctime(Path p) throws IOException {
    return ((FileTime) Files.getAttribute(p, "unix:ctime")).to(TimeUnit.NANOSECONDS);
  }
}
