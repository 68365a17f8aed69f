package dev.rpmoverlay.upstream;

/**
 * Bounds on the upstream content one cache entry may hold. Dist-git holds packaging files only
 * (sources live in the lookaside cache), so real entries are far below these: the largest of the
 * shipped project has 75 files and 2 MB. The limits stop a hostile or broken repository (100,000
 * files from a 200 KB repo of nested trees, a 1 GiB blob) before it fills the disk and the
 * memory of every later render, and fail only that component.
 *
 * @param maxFiles files (and symbolic links) per entry
 * @param maxFileBytes bytes of one file
 * @param maxEntryBytes bytes of all files of an entry together
 */
public record ContentLimits(int maxFiles, long maxFileBytes, long maxEntryBytes) {
  private static final long MIB = 1024L * 1024;

  public static final ContentLimits DEFAULT = new ContentLimits(20_000, 64 * MIB, 512 * MIB);

  public ContentLimits {
    if (maxFiles < 1 || maxFileBytes < 1 || maxEntryBytes < 1) {
      throw new IllegalArgumentException("content limits must be positive");
    }
  }

  /** Limits in the units the command line uses (MiB for sizes). */
  public static ContentLimits ofMib(int maxFiles, long maxFileMib, long maxEntryMib) {
    return new ContentLimits(maxFiles, maxFileMib * MIB, maxEntryMib * MIB);
  }
}
