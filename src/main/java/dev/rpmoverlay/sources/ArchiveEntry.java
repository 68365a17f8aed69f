package dev.rpmoverlay.sources;

/**
 * One entry of an archive as an archive overlay sees it: a path relative to the archive's top
 * (with {@code /} separators, no trailing slash), its kind, its permission bits, and its content
 * (a regular file) or link target (a symbolic or hard link). Zip entries also keep their
 * compression method, so a repack writes them the way they were.
 */
record ArchiveEntry(String path, Kind kind, int mode, byte[] content, String linkTarget, int zipMethod) {

  /** The entry kinds that can be repacked; anything else (devices, FIFOs) is refused when read. */
  enum Kind {
    DIRECTORY,
    FILE,
    SYMLINK,
    HARDLINK
  }

  static ArchiveEntry directory(String path, int mode) {
    return new ArchiveEntry(path, Kind.DIRECTORY, mode, new byte[0], "", -1);
  }

  static ArchiveEntry file(String path, int mode, byte[] content, int zipMethod) {
    return new ArchiveEntry(path, Kind.FILE, mode, content, "", zipMethod);
  }

  static ArchiveEntry link(String path, Kind kind, int mode, String target) {
    return new ArchiveEntry(path, kind, mode, new byte[0], target, -1);
  }

  ArchiveEntry withContent(byte[] newContent) {
    return new ArchiveEntry(path, kind, mode, newContent, linkTarget, zipMethod);
  }

  boolean executable() {
    return (mode & 0111) != 0;
  }
}
