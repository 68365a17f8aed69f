package dev.rpmoverlay.render;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A digest of the rpmoverlay code that is running (the jar, or every file of the classes dir), so
 * an incremental render never reuses output that an older build produced: the version string
 * alone does not change between snapshot builds. Computed once per process.
 */
public final class CodeIdentity {
  private static volatile String cached;

  private CodeIdentity() {}

  public static String get() {
    String c = cached;
    if (c == null) {
      c = compute();
      cached = c;
    }
    return c;
  }

  private static String compute() {
    try {
      CodeSource source = CodeIdentity.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return "unknown:" + System.nanoTime(); // never equal to a recorded one: no reuse
      }
      Path location = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        return filesDigest(location);
      }
      // The jar's central directory has every entry's name, CRC-32 and size: enough to tell builds
      // apart without reading 20 MB of dependencies on every run. Its bytes (under 1 MB) are
      // summed with CRC-32C and CRC-32 (64 bits, the JVM's intrinsics): SHA-256 of them, or a
      // walk of 9,000 ZipEntry objects, cost a one-component render 20-40 ms under the C1-only JIT.
      Optional<ByteBuffer> cen = centralDirectory(location);
      if (cen.isEmpty()) {
        return entriesDigest(location);
      }
      java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
      java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
      crc32c.update(cen.get().duplicate());
      crc32.update(cen.get().duplicate());
      return "jar-cen:" + cen.get().remaining() + ":" + Long.toHexString(crc32c.getValue()) + ":" + Long.toHexString(crc32.getValue());
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return "unknown:" + System.nanoTime();
    }
  }

  /** A jar the central directory could not be read from: every entry's name, CRC-32 and size. */
  private static String entriesDigest(Path jar) throws IOException {
    Hasher h = Hashing.sha256().newHasher();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      zip.stream().sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).forEach(e ->
          h.putString(e.getName(), StandardCharsets.UTF_8).putLong(e.getCrc()).putLong(e.getSize()));
    }
    return h.hash().toString();
  }

  /** A classes dir (tests, an IDE): every file's path and bytes. */
  private static String filesDigest(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    Hasher h = Hashing.sha256().newHasher();
    for (Path f : files) {
      h.putString(dir.relativize(f).toString(), StandardCharsets.UTF_8).putBytes(Files.readAllBytes(f));
    }
    return h.hash().toString();
  }

  private static final int END_SIGNATURE = 0x06054b50; // end of central directory record
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  /**
   * The central directory of the zip file {@code jar}, read from the offset and size its end record
   * gives; empty for anything else (a zip64 file, a damaged one), which is then read entry by entry.
   */
  static Optional<ByteBuffer> centralDirectory(Path jar) throws IOException {
    try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.READ)) {
      long size = ch.size();
      int tailSize = (int) Math.min(size, END_SIZE + MAX_COMMENT);
      ByteBuffer tail = ByteBuffer.allocate(tailSize).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, tail, size - tailSize);
      for (int at = tailSize - END_SIZE; at >= 0; at--) {
        if (tail.getInt(at) != END_SIGNATURE || at + END_SIZE + Short.toUnsignedInt(tail.getShort(at + 20)) != tailSize) {
          continue; // not the record, or a signature inside the comment
        }
        int entries = Short.toUnsignedInt(tail.getShort(at + 10));
        long cenSize = Integer.toUnsignedLong(tail.getInt(at + 12));
        long cenOffset = Integer.toUnsignedLong(tail.getInt(at + 16));
        if (entries == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL || cenOffset + cenSize > size - tailSize + at) {
          return Optional.empty();
        }
        ByteBuffer cen = ByteBuffer.allocate((int) cenSize);
        readFully(ch, cen, cenOffset);
        return Optional.of(cen.flip());
      }
      return Optional.empty();
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer into, long position) throws IOException {
    while (into.hasRemaining()) {
      if (ch.read(into, position + into.position()) < 0) {
        throw new java.io.EOFException("unexpected end of " + ch);
      }
    }
  }
}
