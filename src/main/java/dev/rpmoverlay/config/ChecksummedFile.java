package dev.rpmoverlay.config;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A file of state kept for the next run, read back only by this program: a magic line naming its
 * format, a body, and a CRC-32C of both. Written to a temporary name and renamed into place, so a
 * reader sees a whole file or none; read back only when the magic and the checksum match, so a
 * damaged or foreign file reads as none. Strings in a body are length-prefixed UTF-8.
 */
public final class ChecksummedFile {
  private ChecksummedFile() {}

  /**
   * The body of {@code file}, positioned at its start and limited to its end (the buffer wraps the
   * whole file's bytes); empty when the file is missing, unreadable, of another format or damaged.
   */
  public static Optional<ByteBuffer> read(Path file, byte[] magic) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.empty();
    }
    int body = bytes.length - Long.BYTES;
    if (body < magic.length || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
      return Optional.empty();
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, body);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (in.getLong(body) != crc.getValue()) {
      return Optional.empty();
    }
    return Optional.of(in.position(magic.length).limit(body));
  }

  /**
   * Writes {@code magic}, {@code body} and their checksum to {@code tmp} (a leftover or a link in
   * its place is deleted first, never written through), then renames it to {@code file}.
   */
  public static void write(Path file, Path tmp, byte[] magic, byte[] body) throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(magic);
    crc.update(body);
    byte[] trailer = ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array();
    try {
      Files.deleteIfExists(tmp);
      try (var out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(magic);
        out.write(body);
        out.write(trailer);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void putString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /** The string at the buffer's position (absolute in its array, as {@link #read} gives it). */
  public static String getString(ByteBuffer in) {
    int length = in.getInt();
    String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  /** Moves past the string at the buffer's position without decoding it. */
  public static void skipString(ByteBuffer in) {
    int length = in.getInt();
    in.position(in.position() + length);
  }
}
