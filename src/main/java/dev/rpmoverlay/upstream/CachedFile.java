package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One regular file of a cache entry: held in memory (the usual, small packaging file) or, when it
 * is larger than {@link UpstreamCache}'s in-memory bound, left in the entry and read through
 * {@link #open()}, which checks its size and SHA-256 as it streams.
 *
 * @param path relative, {@code /}-separated (for example {@code curl.spec}, {@code tests/run.sh})
 */
public final class CachedFile {
  private final String path;
  private final byte[] held;
  private final Path location;
  private final long size;
  private final String sha256;
  private final boolean executable;
  private final java.util.function.Function<String, UpstreamException> corrupt;

  private CachedFile(String path, byte[] held, Path location, long size, String sha256, boolean executable,
      java.util.function.Function<String, UpstreamException> corrupt) {
    this.path = path;
    this.held = held;
    this.location = location;
    this.size = size;
    this.sha256 = sha256;
    this.executable = executable;
    this.corrupt = corrupt;
  }

  /** A file whose verified bytes are in memory (do not modify the array). */
  static CachedFile held(String path, byte[] bytes, boolean executable) {
    return new CachedFile(path, bytes, null, bytes.length, null, executable, null);
  }

  /**
   * A file left at {@code location} that must have {@code size} bytes with {@code sha256} (checked
   * already, or deferred to whoever reads it: see {@link UpstreamCache#deferringLargeFileChecks});
   * {@code corrupt} makes the error for bytes that do not match when {@link #open()} reads them.
   */
  static CachedFile stored(String path, Path location, long size, String sha256, boolean executable,
      java.util.function.Function<String, UpstreamException> corrupt) {
    return new CachedFile(path, null, location, size, sha256, executable, corrupt);
  }

  public String path() {
    return path;
  }

  /** Whether git recorded it as {@code 100755}. */
  public boolean executable() {
    return executable;
  }

  public long size() {
    return size;
  }

  /** Whether the bytes are in memory; otherwise {@link #open()} streams them from the entry. */
  public boolean inMemory() {
    return held != null;
  }

  /**
   * The exact content (do not modify the array): a stored file is read whole, so use this only for
   * files that are parsed or edited.
   *
   * @throws UpstreamException when a stored file no longer has its listed SHA-256
   */
  public byte[] bytes() {
    if (held != null) {
      return held;
    }
    try (InputStream in = open()) {
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException(path + " has " + size + " bytes, too many to read into memory");
      }
      byte[] bytes = new byte[(int) size]; // at once: too large for the heap fails here, not after filling it
      int n = in.readNBytes(bytes, 0, bytes.length);
      if (n != bytes.length || in.read() >= 0) {
        throw new IOException(UpstreamCache.FILES_DIR + "/" + path + " changed while it was read");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The content as a stream. For a stored file, reading it to its end throws an {@link
   * UpstreamException} naming the entry as corrupt when the bytes are not the listed ones (the file
   * changed after the entry was verified).
   */
  public InputStream open() throws IOException {
    // NOFOLLOW_LINKS: the entry was checked to hold no links, but a stored file is opened later
    if (held != null) {
      return new java.io.ByteArrayInputStream(held);
    }
    return new VerifyingInputStream(Files.newInputStream(location, java.nio.file.LinkOption.NOFOLLOW_LINKS), size, sha256,
        actual -> corrupt.apply(UpstreamCache.FILES_DIR + "/" + path + " " + actual));
  }

  /** The content as a stream whose bytes are not checked (for a digest; another read checks them). */
  public InputStream openUnchecked() throws IOException {
    return held != null ? new java.io.ByteArrayInputStream(held) : Files.newInputStream(location, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }
}
