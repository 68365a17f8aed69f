package dev.rpmoverlay.upstream;

import java.time.Instant;

/**
 * A project commit that changed a component's lock fingerprint: one downstream change, which bumps
 * the release and (for {@code %autochangelog}) becomes a changelog entry (docs/azldev-compatibility.md §4.5).
 *
 * @param commit the project commit id
 * @param authorTime the commit's author time
 * @param subject the first line of the commit message
 * @param message the full commit message
 * @param upstreamCommit the upstream commit the lock named at that project commit
 */
public record DownstreamChange(
    String commit, String authorName, String authorEmail, Instant authorTime, String subject, String message,
    String upstreamCommit) {}
