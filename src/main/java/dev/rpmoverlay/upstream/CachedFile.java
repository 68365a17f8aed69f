package dev.rpmoverlay.upstream;

/**
 * One regular file of a cache entry.
 *
 * @param path relative, {@code /}-separated (for example {@code curl.spec}, {@code tests/run.sh})
 * @param bytes the exact content (do not modify the array)
 * @param executable whether git recorded it as {@code 100755}
 */
public record CachedFile(String path, byte[] bytes, boolean executable) {}
