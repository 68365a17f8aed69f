package dev.rpmoverlay.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads config files as strict UTF-8. {@code Files.readString} reports a bad byte only as
 * "Input length = 1", with neither the file nor where in it.
 */
final class Utf8Files {
  private Utf8Files() {}

  /** The file has bytes that are not UTF-8; {@link #line} and {@link #offset} say where the first is. */
  static final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final long offset;

    InvalidUtf8Exception(Path file, long offset, int line) {
      super(file + " is not valid UTF-8: bad byte at offset " + offset + " (line " + line + ")");
      this.offset = offset;
      this.line = line;
    }

    int line() {
      return line;
    }

    long offset() {
      return offset;
    }
  }

  static String read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new InvalidUtf8Exception(file, at, line);
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
