package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;

/**
 * Chooses the upstream commit in a mirror (docs/azldev-compatibility.md §1.9): the lock's commit, else the
 * {@code upstream-commit} pin, else the last <b>first-parent</b> commit of the branch whose
 * <b>committer</b> time is at or before the snapshot (inclusive, like
 * {@code git rev-list -1 --first-parent --before=T}), else the branch tip. A locked or pinned commit
 * must be reachable from the branch.
 */
public final class CommitResolver {

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{7,40}");
  // Plain 'update NAME' resolves from the lock again and fails the same way; only
  // --force-recalculate ignores the locked commit.
  private static final String REWRITE_HINT =
      " Fedora occasionally rewrites dist-git history; run 'rpmoverlay update %s --force-recalculate' to re-resolve the commit.";

  private CommitResolver() {}

  /** Resolves using the lock's commit when there is one ({@code lockedCommit} may be empty). */
  public static ResolvedCommit resolve(Repository repo, UpstreamCoordinates c, Optional<String> lockedCommit) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit tip = branchTip(repo, walk, c);
      if (lockedCommit.isPresent() && !lockedCommit.get().isEmpty()) {
        return exact(repo, walk, tip, c, lockedCommit.get(), Resolution.LOCK, "the lock file's commit");
      }
      if (!c.pinnedCommit().isEmpty()) {
        return exact(repo, walk, tip, c, c.pinnedCommit(), Resolution.PIN, "upstream-commit");
      }
      if (!c.snapshot().isEmpty()) {
        return atSnapshot(repo, tip, c);
      }
      return of(tip, Resolution.TIP);
    }
  }

  private static RevCommit branchTip(Repository repo, RevWalk walk, UpstreamCoordinates c) throws IOException {
    Ref ref = repo.exactRef("refs/heads/" + c.branch());
    if (ref == null || ref.getObjectId() == null) {
      throw new UpstreamException(c.describe() + ": branch '" + c.branch() + "' has not been fetched into the local mirror; run 'rpmoverlay fetch " + c.component() + "'");
    }
    return walk.parseCommit(ref.getObjectId());
  }

  private static ResolvedCommit exact(Repository repo, RevWalk walk, RevCommit tip, UpstreamCoordinates c, String hex,
      Resolution resolution, String what) throws IOException {
    if (!HEX.matcher(hex).matches()) {
      throw new UpstreamException(c.describe() + ": " + what + " '" + hex + "' is not a commit hash (7 to 40 hex digits)");
    }
    ObjectId id = expand(repo, c, hex, what);
    RevCommit commit;
    try {
      commit = id == null ? null : walk.parseCommit(id);
    } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      commit = null;
    }
    if (commit == null || !walk.isMergedInto(commit, tip)) {
      throw new UpstreamException(c.describe() + ": " + what + " " + hex + " does not exist on branch " + c.branch() + "."
          + String.format(java.util.Locale.ROOT, REWRITE_HINT, c.component()));
    }
    return of(commit, resolution);
  }

  private static ObjectId expand(Repository repo, UpstreamCoordinates c, String hex, String what) throws IOException {
    if (hex.length() == 40) {
      return ObjectId.fromString(hex);
    }
    try (ObjectReader reader = repo.newObjectReader()) {
      Collection<ObjectId> matches = reader.resolve(AbbreviatedObjectId.fromString(hex));
      if (matches.size() > 1) {
        throw new UpstreamException(c.describe() + ": " + what + " '" + hex + "' is ambiguous; give more hex digits");
      }
      return matches.isEmpty() ? null : matches.iterator().next();
    }
  }

  private static ResolvedCommit atSnapshot(Repository repo, RevCommit tip, UpstreamCoordinates c) throws IOException {
    Instant snapshot = parseSnapshot(c);
    // A fresh walk: first-parent mode must be chosen before the walk starts.
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setFirstParent(true);
      walk.setRevFilter(CommitTimeRevFilter.before(snapshot));
      walk.markStart(walk.parseCommit(tip));
      RevCommit found = walk.next();
      if (found == null) {
        throw new UpstreamException(c.describe() + ": no commits found at or before the snapshot " + c.snapshot());
      }
      return of(found, Resolution.SNAPSHOT);
    }
  }

  /** Parses a snapshot as RFC 3339 (an offset is required), with a clear error otherwise. */
  public static Instant parseSnapshot(UpstreamCoordinates c) {
    try {
      return OffsetDateTime.parse(c.snapshot()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UpstreamException(c.describe() + ": snapshot '" + c.snapshot()
          + "' is not an RFC 3339 time such as 2026-02-24T00:00:00-08:00");
    }
  }

  private static ResolvedCommit of(RevCommit commit, Resolution resolution) {
    return new ResolvedCommit(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()), resolution);
  }
}
