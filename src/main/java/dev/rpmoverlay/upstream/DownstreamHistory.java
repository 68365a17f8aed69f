package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads a component's downstream changes from the project's own git history: every commit (oldest
 * first) at which the component's lock file has a different {@code input-fingerprint} than at the
 * commit before, as azldev's synthetic history does (docs/azldev-compatibility.md §4.5), except where the
 * lock's {@code fingerprint-scheme} changed too: then only the way of fingerprinting changed. The count is the
 * static release bump; the subjects become changelog entries.
 */
public final class DownstreamHistory {

  private DownstreamHistory() {}

  /**
   * The changes of the lock file {@code lockFile}; empty when the project is not in a git
   * repository or the lock was never committed.
   *
   * @throws UpstreamException when the history is shallow and does not reach the lock's first commit
   */
  public static List<DownstreamChange> changes(Path lockFile) throws IOException {
    Path abs = lockFile.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(abs.getParent().toFile());
    if (builder.getGitDir() == null) {
      return List.of();
    }
    try (Repository repo = builder.setMustExist(true).build(); Git git = new Git(repo)) {
      if (repo.isBare() || repo.resolve("HEAD") == null) {
        return List.of();
      }
      String rel = repo.getWorkTree().toPath().toRealPath().relativize(realParent(abs).resolve(abs.getFileName()))
          .toString().replace('\\', '/');
      List<RevCommit> newestFirst = new ArrayList<>();
      git.log().addPath(rel).call().forEach(newestFirst::add);
      Collections.reverse(newestFirst);
      checkNotShallow(repo, newestFirst, lockFile);
      List<DownstreamChange> changes = new ArrayList<>();
      String previous = "";
      int previousScheme = 0;
      for (RevCommit c : newestFirst) {
        Optional<LockFile> lock = lockAt(repo, c, rel);
        String fingerprint = lock.map(LockFile::inputFingerprint).orElse("");
        int scheme = lock.map(LockFile::fingerprintScheme).orElse(0);
        // a tool upgrade that recomputes every fingerprint must not bump every release in the distro
        boolean rekeyedOnly = !previous.isEmpty() && previousScheme != scheme;
        if (lock.isPresent() && !fingerprint.equals(previous) && !rekeyedOnly) {
          changes.add(new DownstreamChange(c.name(), c.getAuthorIdent().getName(), c.getAuthorIdent().getEmailAddress(),
              c.getAuthorIdent().getWhenAsInstant(), c.getShortMessage(), c.getFullMessage(), lock.get().upstreamCommit()));
        }
        previous = fingerprint;
        previousScheme = scheme;
      }
      return changes;
    } catch (GitAPIException e) {
      throw new IOException("cannot read the project history of " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * A shallow clone whose oldest lock-touching commit is a shallow boundary may be missing older
   * changes, which would silently give a smaller release bump.
   */
  private static void checkNotShallow(Repository repo, List<RevCommit> oldestFirst, Path lockFile) throws IOException {
    if (!oldestFirst.isEmpty() && repo.getObjectDatabase().getShallowCommits().contains(oldestFirst.get(0).getId())) {
      throw new UpstreamException("the project clone is shallow and its history of " + lockFile
          + " may be incomplete, so the downstream release bump would be wrong; run 'git fetch --unshallow'");
    }
  }

  private static Path realParent(Path abs) throws IOException {
    return abs.getParent().toRealPath();
  }

  private static Optional<LockFile> lockAt(Repository repo, RevCommit commit, String path) throws IOException {
    try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
      if (tw == null) {
        return Optional.empty();
      }
      String text = new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      try {
        return Optional.of(LockStore.parse(text, path + " at " + commit.abbreviate(12).name()));
      } catch (UpstreamException e) {
        return Optional.empty(); // an unreadable historical lock counts as no lock at that commit
      }
    }
  }
}
