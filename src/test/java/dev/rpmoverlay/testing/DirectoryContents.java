package dev.rpmoverlay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every regular file under a directory, for comparing two trees byte for byte in one assertion. */
public final class DirectoryContents {
  private DirectoryContents() {}

  /**
   * Relative path → {@code "x:"} or {@code "-:"} (executable or not) followed by the bytes as
   * ISO-8859-1 text; empty when {@code dir} does not exist.
   */
  public static Map<String, String> of(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(dir)) {
      return out;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), (Files.isExecutable(f) ? "x:" : "-:")
            + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }
}
