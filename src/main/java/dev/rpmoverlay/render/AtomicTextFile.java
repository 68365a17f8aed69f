package dev.rpmoverlay.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** A small state file written whole: whoever reads it sees the previous text or the new one, never part of either. */
public final class AtomicTextFile {
  private AtomicTextFile() {}

  /** Replaces {@code file} (UTF-8) by way of {@code <file>.tmp} beside it, creating its directory if needed. */
  public static void replace(Path file, CharSequence text) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    // Never through a link someone put in its place: delete whatever is there (a link itself, not
    // its target), then create the file exclusively (O_EXCL also refuses a link planted meanwhile).
    Files.deleteIfExists(tmp);
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp); // a disk-full write leaves a truncated file otherwise
      throw e;
    }
  }
}
