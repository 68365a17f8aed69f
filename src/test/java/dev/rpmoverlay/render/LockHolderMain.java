package dev.rpmoverlay.render;

import java.nio.file.Path;
import java.time.Duration;

/** Child process for {@link ProjectLockTest}: takes the lock, says so, and holds it until killed. */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    ProjectLock lock = ProjectLock.acquire(Path.of(args[0]), "holder", Duration.ZERO);
    System.out.println("locked " + ProcessHandle.current().pid());
    System.out.flush();
    Thread.sleep(120_000);
    lock.close();
  }
}
