package dev.rpmoverlay.upstream;

import java.nio.file.Path;

/**
 * A complete cache entry written to a staging directory beside the cache, not yet in place: {@code
 * update} verifies it and dry-runs the overlays on it before {@link CacheEntryWriter#install}
 * swaps it in (or {@link CacheEntryWriter#discard} drops it and the old entry stays).
 *
 * @param component the component whose entry this will become
 * @param dir the staging directory ({@code upstream-cache/.staging-<component>-<uuid>})
 * @param metadata what its {@code upstream.toml} says
 */
public record StagedEntry(String component, Path dir, CacheMetadata metadata) {}
