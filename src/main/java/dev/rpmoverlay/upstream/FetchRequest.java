package dev.rpmoverlay.upstream;

import java.util.Optional;

/**
 * One component to fetch.
 *
 * @param lockedCommit the commit recorded in the component's lock, if it has one and it is to be
 *     honoured (fetch honours it; update only when the resolution inputs are unchanged)
 */
public record FetchRequest(UpstreamCoordinates coordinates, Optional<String> lockedCommit) {}
