package dev.rpmoverlay.upstream;

import java.util.Optional;

/**
 * What fetching one component did.
 *
 * @param resolved the commit the entry now holds (empty on failure)
 * @param error the failure message (empty unless {@link Status#FAILED})
 * @param staged the new entry, not yet in place (only {@link Status#STAGED})
 */
public record FetchOutcome(String component, Status status, Optional<ResolvedCommit> resolved, String error,
    Optional<StagedEntry> staged) {

  public FetchOutcome(String component, Status status, Optional<ResolvedCommit> resolved, String error) {
    this(component, status, resolved, error, Optional.empty());
  }

  public enum Status {
    /** The cache entry was written or replaced. */
    WRITTEN,
    /** A new entry was written to a staging dir; the caller installs or discards it. */
    STAGED,
    /** The cache entry already held this commit; nothing was written. */
    UNCHANGED,
    /** Fetching failed; the previous entry (if any) is untouched. */
    FAILED
  }

  static FetchOutcome failed(String component, String error) {
    return new FetchOutcome(component, Status.FAILED, Optional.empty(), error);
  }
}
