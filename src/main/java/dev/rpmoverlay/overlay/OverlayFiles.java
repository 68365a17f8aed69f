package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.model.OverlayInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files an overlay brings along ({@code file-add}/{@code patch-add} {@code source}). */
final class OverlayFiles {
  private OverlayFiles() {}

  /**
   * Resolves {@code source} against the directory of the file that declared the overlay (config may
   * already have made it absolute) and reads it.
   */
  static TreeFile read(OverlayInfo info, String source) throws IOException {
    Path path = resolve(info, source);
    if (!Files.isRegularFile(path)) {
      throw new IOException("source file " + path + " does not exist");
    }
    return new TreeFile(Files.readAllBytes(path), FileModes.isExecutable(path));
  }

  static Path resolve(OverlayInfo info, String source) {
    Path p = Path.of(source);
    if (p.isAbsolute() || info.declaredAt() == null || info.declaredAt().file() == null) {
      return p;
    }
    Path parent = info.declaredAt().file().toAbsolutePath().getParent();
    return parent == null ? p : parent.resolve(p).normalize();
  }
}
