package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.release.DownstreamCommit;
import dev.rpmoverlay.upstream.DownstreamChange;
import dev.rpmoverlay.upstream.DownstreamHistory;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The downstream changes of a component: the commits of the project's own history at which
 * {@code <lock-dir>/<name>.lock} changed its input fingerprint (docs/azldev-compatibility.md §4.5). Their
 * number is the static Release bump; as {@link DownstreamCommit}s (message {@code <subject>\n\nProject
 * commit: <hash>}, as azldev's synthetic commits) they are added on top of the upstream history
 * for {@code %autorelease}/{@code %autochangelog}. No lock file, or a project outside git, means none.
 */
public final class LockHistoryBumps implements ToIntFunction<ComponentConfig>, Function<ComponentConfig, List<DownstreamCommit>>, AutoCloseable {
  private final Path lockDir;
  private final boolean commitStable;
  private DownstreamHistory history; // opened on first use, shared by every component and thread
  private boolean closed;

  /** The commit-stable rule (rpmoverlay's default; docs/release.md). */
  public LockHistoryBumps(Path lockDir) {
    this(lockDir, true);
  }

  /** @param commitStable false for azldev's rule: committed changes only, described by their commits */
  public LockHistoryBumps(Path lockDir, boolean commitStable) {
    this.lockDir = lockDir;
    this.commitStable = commitStable;
  }

  @Override
  public int applyAsInt(ComponentConfig component) {
    return changes(component).size();
  }

  /** The downstream changes as commits on top of the upstream history, oldest first. */
  @Override
  public List<DownstreamCommit> apply(ComponentConfig component) {
    return changes(component).stream().map(LockHistoryBumps::commit).toList();
  }

  static DownstreamCommit commit(DownstreamChange change) {
    // a change described by its lock's note has no commit id: it must render the same before the commit
    String message = change.commit().isEmpty() ? change.subject() : change.subject() + "\n\nProject commit: " + change.commit();
    return new DownstreamCommit(message,
        change.authorName(), change.authorEmail(), change.authorTime());
  }

  /**
   * Starts reading the downstream changes of component {@code name} on another thread, so that
   * opening the project repository (JGit's set-up, its config, the history walk or the kept
   * answers) overlaps what a one-component command does before it needs them. Only a head start:
   * what it finds is read again by {@link #apply}, and a failure here is left for that call to
   * report. Nothing is started without a lock to read.
   */
  public void readAhead(String name) {
    Path lock = lockDir.resolve(name + ".lock");
    if (!Files.isRegularFile(lock)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        history().changesOf(lock, commitStable);
      } catch (IOException | RuntimeException e) {
        // reported, if it happens again, by the command's own call
      }
    }, "history-ahead");
    t.setDaemon(true);
    t.start();
  }

  private List<DownstreamChange> changes(ComponentConfig component) {
    Path lock = lockDir.resolve(component.name() + ".lock");
    if (!Files.isRegularFile(lock)) {
      return List.of();
    }
    try {
      return history().changesOf(lock, commitStable);
    } catch (IOException | UpstreamException e) {
      throw new RenderException(component.name(), "cannot count downstream changes for the Release bump: " + e.getMessage(), e);
    }
  }

  private synchronized DownstreamHistory history() throws IOException {
    if (closed) {
      throw new IOException("the project history was already closed");
    }
    if (history == null) {
      // the walk's answers are kept in the git dir for the next command (this build, same HEAD)
      history = DownstreamHistory.open(lockDir, CodeIdentity.get());
    }
    return history;
  }

  /** Closes the project repository, if it was opened. */
  @Override
  public synchronized void close() {
    closed = true;
    if (history != null) {
      history.close();
      history = null;
    }
  }
}
