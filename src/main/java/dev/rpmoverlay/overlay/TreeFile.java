package dev.rpmoverlay.overlay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One file of a component's source tree: its content and whether it is executable (the only mode
 * bit that matters, as in git).
 *
 * <p>The content is either held in memory or <em>stored</em>: a file on disk (a large upstream
 * file, a large file of an output dir) that is read only when something needs it. Render streams a
 * stored file from its place to the output ({@link #writeTo}) and into digests and comparisons
 * ({@link #open}), so its memory does not grow with the size of a file that no overlay edits; only
 * {@link #content()} (an overlay that edits the file, the spec) reads it whole.
 */
public final class TreeFile {

  /**
   * Files up to this size are read into memory when a tree is read from a directory; larger ones
   * are stored (read when used). Dist-git packaging files are nearly all far smaller, so reading
   * them whole keeps the common case as fast as it was.
   */
  public static final long IN_MEMORY_MAX_BYTES = 1L << 20;

  private static final int CHUNK = 64 * 1024;

  /** Where a stored file's bytes come from; {@link #open} may verify them (a hash) as they are read. */
  public interface Stored {
    /** The file's size in bytes. */
    long size();

    /**
     * A stream of the file's bytes. A stream read to its end throws there when the bytes are not
     * the ones expected (another size, another hash).
     */
    InputStream open() throws IOException;

    /**
     * The bytes without that check, for a digest that only has to notice accidental change: the
     * copy to the output or the comparison with it checks them.
     */
    default InputStream openUnchecked() throws IOException {
      return open();
    }
  }

  private final byte[] held;
  private final Stored stored;
  private final boolean executable;

  public TreeFile(byte[] content, boolean executable) {
    this(content.clone(), null, executable);
  }

  private TreeFile(byte[] held, Stored stored, boolean executable) {
    this.held = held;
    this.stored = stored;
    this.executable = executable;
  }

  /** A file whose bytes stay where {@code stored} reads them from until they are needed. */
  public static TreeFile stored(Stored stored, boolean executable) {
    return new TreeFile(null, stored, executable);
  }

  /** The file at {@code path} as it is now: stored when larger than {@link #IN_MEMORY_MAX_BYTES}, else read. */
  public static TreeFile read(Path path, boolean executable) throws IOException {
    long size = Files.size(path);
    return size > IN_MEMORY_MAX_BYTES
        ? stored(new OnDisk(path, size), executable)
        : new TreeFile(Files.readAllBytes(path), null, executable);
  }

  /** The whole content (a copy): reads a stored file into memory, so use it only for files that are edited or parsed. */
  public byte[] content() {
    if (held != null) {
      return held.clone();
    }
    try (InputStream in = stored.open()) {
      return readExactly(in, stored.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a stream of a known size into one array allocated up front, so that a file too large for
   * the heap fails at once (OutOfMemoryError, which render reports as that component's failure)
   * instead of after filling the heap, and then reads on to the end so the stream can check it.
   */
  public static byte[] readExactly(InputStream in, long size) throws IOException {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException("a file of " + size + " bytes is too large to read into memory");
    }
    byte[] bytes = new byte[(int) size];
    int n = in.readNBytes(bytes, 0, bytes.length);
    if (n != bytes.length || in.read() >= 0) {
      throw new IOException("the file changed while it was read (expected " + size + " bytes)");
    }
    return bytes;
  }

  public boolean executable() {
    return executable;
  }

  public long size() {
    return held != null ? held.length : stored.size();
  }

  /** Whether the content is on disk rather than in memory. */
  public boolean isStored() {
    return stored != null;
  }

  /**
   * A stream of the content, without copying content held in memory; reading a stored file to its
   * end checks it (its size, and the hash a cached file has).
   */
  public InputStream open() throws IOException {
    return held != null ? new ByteArrayInputStream(held) : stored.open();
  }

  /**
   * A stream of the content that does not check a stored file's hash, for the output digest: the
   * same render checks the file when it compares it with the output or copies it there.
   */
  public InputStream openUnchecked() throws IOException {
    return held != null ? new ByteArrayInputStream(held) : stored.openUnchecked();
  }

  /**
   * Writes the content to {@code out} without checking a stored file's hash, for the output digest
   * (see {@link #openUnchecked}): held content goes out as it is, with no copy and no buffer, so
   * digesting a full distro's output allocates nothing per file.
   */
  public void copyUncheckedTo(OutputStream out) throws IOException {
    copyTo(out, false);
  }

  /** Writes the content to {@code target} (created or truncated), a chunk at a time for a stored file. */
  public void writeTo(Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      copyTo(out);
    }
  }

  /** Writes the content to {@code target}, which must not exist yet, creating it with {@code attribute} (its mode). */
  public void writeNew(Path target, FileAttribute<?> attribute) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(target, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attribute);
        OutputStream out = Channels.newOutputStream(channel)) {
      copyTo(out);
    }
  }

  private void copyTo(OutputStream out) throws IOException {
    copyTo(out, true);
  }

  private void copyTo(OutputStream out, boolean checked) throws IOException {
    if (held != null) {
      out.write(held);
      return;
    }
    try (InputStream in = checked ? stored.open() : stored.openUnchecked()) {
      in.transferTo(out);
    }
  }

  public TreeFile withContent(byte[] newContent) {
    return new TreeFile(newContent, executable);
  }

  /** Whether both files have the same bytes (not comparing the executable bit), streaming stored content. */
  public boolean sameContent(TreeFile other) throws IOException {
    if (held != null && other.held != null) {
      return Arrays.equals(held, other.held);
    }
    if (stored != null && stored == other.stored) {
      return true;
    }
    if (size() != other.size()) {
      return false;
    }
    try (InputStream a = open(); InputStream b = other.open()) {
      byte[] x = new byte[CHUNK];
      byte[] y = new byte[CHUNK];
      while (true) {
        int n = a.readNBytes(x, 0, CHUNK);
        int m = b.readNBytes(y, 0, CHUNK);
        if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
          return false;
        }
        if (n < CHUNK) {
          return true;
        }
      }
    }
  }

  /** Equal when the executable bits and the bytes are; compares stored content by streaming it. */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof TreeFile f) || f.executable != executable) {
      return false;
    }
    try {
      return sameContent(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From the size only, so that a stored file and an equal held one hash alike without reading either. */
  @Override
  public int hashCode() {
    return Long.hashCode(size()) * 31 + Boolean.hashCode(executable);
  }

  @Override
  public String toString() {
    return "TreeFile[" + size() + " bytes" + (isStored() ? ", stored" : "") + (executable ? ", executable" : "") + "]";
  }

  /** A file of a directory, checked when opened to still have the size it had when the tree was read. */
  private record OnDisk(Path path, long size) implements Stored {
    @Override
    public InputStream open() throws IOException {
      long now = Files.size(path);
      if (now != size) {
        throw new IOException(path + " changed while it was rendered (" + now + " bytes, " + size + " before)");
      }
      return Files.newInputStream(path);
    }
  }
}
