package dev.rpmoverlay.config.model;

import java.nio.file.Path;

/** Where a value was declared: file, and 1-based line and column when known (0 = unknown). */
public record SourcePosition(Path file, int line, int column) {

  public static SourcePosition of(Path file) {
    return new SourcePosition(file, 0, 0);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return String.valueOf(file);
    }
    return file + ":" + line + (column > 0 ? ":" + column : "");
  }
}
