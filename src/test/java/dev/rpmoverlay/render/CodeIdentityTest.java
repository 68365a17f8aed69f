package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar is identified by its central directory, read as bytes from where its end record says. */
class CodeIdentityTest {
  @TempDir Path dir;

  Path jar(String name, Map<String, String> entries, String comment) throws Exception {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      if (comment != null) {
        zip.setComment(comment);
      }
    }
    return jar;
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  @Test
  void theCentralDirectoryNamesEveryEntry() throws Exception {
    Path jar = jar("a.jar", Map.of("dev/A.class", "a", "dev/B.class", "b"), null);
    byte[] cen = bytes(CodeIdentity.centralDirectory(jar).orElseThrow());
    String text = new String(cen, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("PK\u0001\u0002").contains("dev/A.class", "dev/B.class");
  }

  @Test
  void anEntryWithOtherContentGivesAnotherCentralDirectory() throws Exception {
    byte[] a = bytes(CodeIdentity.centralDirectory(jar("a.jar", Map.of("dev/A.class", "a"), null)).orElseThrow());
    byte[] same = bytes(CodeIdentity.centralDirectory(jar("same.jar", Map.of("dev/A.class", "a"), null)).orElseThrow());
    byte[] other = bytes(CodeIdentity.centralDirectory(jar("b.jar", Map.of("dev/A.class", "b"), null)).orElseThrow());
    assertThat(same).isEqualTo(a);
    assertThat(other).isNotEqualTo(a); // the CRC-32 differs
  }

  @Test
  void aCommentThatLooksLikeAnEndRecordIsNotTakenForOne() throws Exception {
    String fake = new String(new byte[] {0x50, 0x4b, 0x05, 0x06}, StandardCharsets.ISO_8859_1) + "x".repeat(30);
    byte[] plain = bytes(CodeIdentity.centralDirectory(jar("a.jar", Map.of("dev/A.class", "a"), null)).orElseThrow());
    byte[] commented = bytes(CodeIdentity.centralDirectory(jar("c.jar", Map.of("dev/A.class", "a"), fake)).orElseThrow());
    assertThat(commented).isEqualTo(plain);
  }

  @Test
  void aFileThatIsNoZipHasNone() throws Exception {
    Path notZip = Files.writeString(dir.resolve("x.jar"), "not a zip file at all, just some text");
    assertThat(CodeIdentity.centralDirectory(notZip)).isEmpty();
  }
}
