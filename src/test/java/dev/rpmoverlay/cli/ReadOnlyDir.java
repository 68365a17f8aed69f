package dev.rpmoverlay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a directory unwritable for the test's duration. As an ordinary user, mode 0555 does it; as
 * root (CI runs tests as root, and root ignores permission bits) only the immutable attribute
 * ({@code chattr +i}) does, so the test is skipped, with the reason, when that is not possible.
 */
final class ReadOnlyDir implements AutoCloseable {
  private final Path dir;
  private final boolean immutable;

  private ReadOnlyDir(Path dir, boolean immutable) {
    this.dir = dir;
    this.immutable = immutable;
  }

  static ReadOnlyDir of(Path dir) throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      return new ReadOnlyDir(dir, false);
    }
    Assumptions.assumeTrue(chattr("+i", dir), "running as root and 'chattr +i' is not available here, so no directory can be made read-only");
    return new ReadOnlyDir(dir, true);
  }

  private static boolean chattr(String flag, Path dir) throws InterruptedException {
    try {
      Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (immutable) {
      chattr("-i", dir);
    } else {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
