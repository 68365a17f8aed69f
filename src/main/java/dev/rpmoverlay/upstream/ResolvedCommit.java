package dev.rpmoverlay.upstream;

import java.time.Instant;

/**
 * The upstream commit a component renders from.
 *
 * @param commit 40 lower-case hex digits
 * @param commitTime the commit's committer time
 * @param resolution which rule chose it
 */
public record ResolvedCommit(String commit, Instant commitTime, Resolution resolution) {}
