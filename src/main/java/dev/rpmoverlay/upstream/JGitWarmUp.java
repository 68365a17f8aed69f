package dev.rpmoverlay.upstream;

import java.io.File;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Sets up JGit's process-wide state on another thread while a command loads its project, for the
 * commands that open the project repository right after (render, diff, explain: the Release bump's
 * history). Opening it cost a one-component command 100-200 ms on the thread that needed it, most
 * of it JGit's own one-time set-up: detecting the file system ({@link FS#DETECTED}), and the class
 * set-up behind every file snapshot (its file-store attributes, its shutdown hook, the JGit message
 * bundle it loads, ~900 properties). Reads no repository, config or file, and changes no setting:
 * it only makes that set-up happen earlier, once per process.
 */
public final class JGitWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private JGitWarmUp() {}

  /** Starts the set-up on a daemon thread, the first time only. */
  public static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        new FileBasedConfig(null, new File(".rpmoverlay-unread"), FS.DETECTED); // not loaded: class set-up only
      } catch (RuntimeException | LinkageError e) {
        // the repository's own opening does it again and reports what fails
      }
    }, "jgit-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
