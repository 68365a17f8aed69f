package dev.rpmoverlay.upstream;

import java.util.Objects;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.internal.storage.file.FileSnapshot;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RepositoryCache;

/**
 * JGit's one-time set-up, done on a thread of its own. The first repository a process opens pays
 * for JGit's static set-up (its system reader, SLF4J, the SHA-1 provider, its message bundle, the
 * config parser's first use): about 100 ms that a command which reads git pays anyway, so it runs
 * on the second core while the main thread builds the command line or loads the project. The
 * process entry point starts it only for commands that read git from their start, and render once
 * it knows it will render: it would take that core from the others. A repository opened before it
 * is done is still right; JGit then does the same work itself (and asks git for the system config).
 */
public final class JGitSetUp {
  private JGitSetUp() {}

  public static void startInBackground() {
    Thread thread = new Thread(JGitSetUp::run, "git-setup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    // JGit's message bundle first (a thousand fields set by reflection, ~30 ms): it needs nothing
    // else of JGit, while the rest below waits on FS's class set-up, which a command that opens a
    // repository at once (autospec process) runs on its own thread meanwhile. After FS, it made the
    // two threads take turns: autospec process, 20 commits, 0.34 -> 0.31 s (12 runs each, interleaved).
    Objects.requireNonNull(JGitText.get());
    GitSystemConfig.preset(); // touching FS runs JGit's static set-up
    // The first repository opened snapshots its config files; FileSnapshot's class set-up loads the
    // default time zone on the way.
    Objects.requireNonNull(FileSnapshot.DIRTY);
    // Reading a repository's config links the string concatenations of JGit's config parser and
    // sets up SHA-1 (the config's content hash): ~30 ms of first-use cost, whatever the text.
    try {
      new Config().fromText("[core]\n\tbare = false\n");
    } catch (ConfigInvalidException e) {
      throw new IllegalStateException(e);
    }
    Constants.newMessageDigest().digest();
    // Closing a repository asks RepositoryCache whether it holds it, and RepositoryCache's class
    // set-up starts JGit's work queue (a scheduled executor and its thread): ~10 ms that would
    // otherwise come at the very end of the command, on the main thread.
    try {
      Class.forName(RepositoryCache.class.getName(), true, RepositoryCache.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
