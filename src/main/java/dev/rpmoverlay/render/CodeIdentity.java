package dev.rpmoverlay.render;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of the rpmoverlay code that is running (the jar, or every file of the classes dir), so
 * an incremental render never reuses output that an older build produced: the version string
 * alone does not change between snapshot builds. Computed once per process.
 */
final class CodeIdentity {
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
      Hasher h = Hashing.sha256().newHasher();
      if (Files.isRegularFile(location)) {
        // The jar's central directory has every entry's CRC-32 and size: enough to tell builds apart
        // without reading 15 MB of dependencies on every run.
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(location.toFile())) {
          zip.stream().sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).forEach(e ->
              h.putString(e.getName(), java.nio.charset.StandardCharsets.UTF_8).putLong(e.getCrc()).putLong(e.getSize()));
        }
      } else {
        List<Path> files;
        try (Stream<Path> s = Files.walk(location)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          h.putString(location.relativize(f).toString(), java.nio.charset.StandardCharsets.UTF_8).putBytes(Files.readAllBytes(f));
        }
      }
      return h.hash().toString();
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return "unknown:" + System.nanoTime();
    }
  }
}
