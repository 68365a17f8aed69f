package dev.rpmoverlay.cli;

import dev.rpmoverlay.render.AtomicTextFile;
import dev.rpmoverlay.render.DirListings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * The input directories' listings ({@link DirListings}) of the last {@code render -a} that kept a
 * stamp record, kept in {@code <work-dir>/input-listings} as well, for a {@code render -a} into an
 * output dir that has no record of its own (a new {@code -o} dir, or one emptied). Its scan of the
 * inputs then reads again only the directories whose stamp moved, instead of all of them (about
 * 15,000 in the upstream cache alone). Each listing is used only under the directory stamp it was
 * read with, as in the record; the file ends with a CRC-32C of the rest, and one that is missing,
 * damaged or cut short is not used (every directory is read).
 */
final class KeptInputListings {
  static final String FILE_NAME = "input-listings";
  private static final String HEADER = "# rpmoverlay input listings v1\n";
  private static final String TRAILER = "end\t";

  private KeptInputListings() {}

  /** The listings kept in {@code workDir}; none when there are none or the file is damaged. */
  static DirListings read(Path workDir) {
    try {
      byte[] bytes = Files.readAllBytes(workDir.resolve(FILE_NAME));
      int trailer = lastLineStart(bytes);
      String last = new String(bytes, trailer, bytes.length - trailer, StandardCharsets.US_ASCII);
      if (!last.startsWith(TRAILER) || !last.endsWith("\n")) {
        return DirListings.none();
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, trailer);
      if (!Long.toHexString(crc.getValue()).equals(last.substring(TRAILER.length(), last.length() - 1))) {
        return DirListings.none();
      }
      String text = new String(bytes, 0, trailer, StandardCharsets.UTF_8);
      if (!text.startsWith(HEADER)) {
        return DirListings.none();
      }
      DirListings.Reader reader = new DirListings.Reader(text);
      for (int from = HEADER.length(); from < text.length(); ) {
        int end = text.indexOf('\n', from);
        reader.line(from, end);
        from = end + 1;
      }
      return reader.listings();
    } catch (NoSuchFileException e) {
      return DirListings.none();
    } catch (IOException | RuntimeException e) { // unreadable or not in this form: read every directory
      return DirListings.none();
    }
  }

  /**
   * Keeps the listings under the roots {@code inputs} accepts, of directories whose stamp is
   * before {@code beforeNanos} (see {@link DirListings#write}); replaced by rename.
   */
  static void write(Path workDir, DirListings listings, Predicate<String> inputs, long beforeNanos) throws IOException {
    StringBuilder sb = new StringBuilder(1 << 20).append(HEADER);
    listings.write(sb, "", beforeNanos, inputs);
    CRC32C crc = new CRC32C();
    crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    sb.append(TRAILER).append(Long.toHexString(crc.getValue())).append('\n');
    AtomicTextFile.replace(workDir.resolve(FILE_NAME), sb);
  }

  /** Where the last line of {@code bytes} starts (the text ends with a line break). */
  private static int lastLineStart(byte[] bytes) {
    int i = bytes.length - 2;
    while (i >= 0 && bytes[i] != '\n') {
      i--;
    }
    return i + 1;
  }
}
