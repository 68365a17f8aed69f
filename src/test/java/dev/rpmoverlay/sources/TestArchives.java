package dev.rpmoverlay.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * Builds archives for tests the way upstream release tools do (real timestamps and owners, any
 * entry order), including the hostile entries an archive overlay must refuse.
 */
final class TestArchives {
  private final ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  private TestArchives() {
    tar = new TarArchiveOutputStream(tarBytes, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  static TestArchives tar() {
    return new TestArchives();
  }

  TestArchives dir(String path) throws IOException {
    return entry(new TarArchiveEntry(path + "/", TarConstants.LF_DIR), 0755, null);
  }

  TestArchives file(String path, String content) throws IOException {
    return file(path, content, 0644);
  }

  TestArchives file(String path, String content, int mode) throws IOException {
    return entry(new TarArchiveEntry(path, TarConstants.LF_NORMAL), mode, content.getBytes(StandardCharsets.UTF_8));
  }

  TestArchives symlink(String path, String target) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return entry(e, 0777, null);
  }

  TestArchives hardlink(String path, String target) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_LINK);
    e.setLinkName(target);
    return entry(e, 0644, null);
  }

  TestArchives charDevice(String path) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_CHR);
    e.setDevMajor(1);
    e.setDevMinor(3);
    return entry(e, 0666, null);
  }

  /** An entry whose stored name is exactly {@code rawName} (commons-compress would strip a leading '/' or '../' otherwise). */
  TestArchives rawFile(String rawName, String content) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(rawName, TarConstants.LF_NORMAL, true);
    return entry(e, 0644, content.getBytes(StandardCharsets.UTF_8));
  }

  private TestArchives entry(TarArchiveEntry e, int mode, byte[] content) throws IOException {
    e.setMode(e.getMode() & ~07777 | mode);
    e.setModTime(FileTime.from(Instant.parse("2026-01-15T10:20:30Z")));
    e.setUserId(1000);
    e.setUserName("upstream");
    e.setGroupName("users");
    if (content != null) {
      e.setSize(content.length);
    }
    tar.putArchiveEntry(e);
    if (content != null) {
      tar.write(content);
    }
    tar.closeArchiveEntry();
    return this;
  }

  byte[] build(ArchiveFormat format) throws IOException {
    tar.finish();
    byte[] plain = tarBytes.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream c = switch (format) {
      case TAR -> out;
      case TAR_GZIP -> new GzipCompressorOutputStream(out);
      case TAR_BZIP2 -> new BZip2CompressorOutputStream(out);
      case TAR_XZ -> new XZCompressorOutputStream(out);
      case TAR_ZSTD -> new ZstdCompressorOutputStream(out);
      case ZIP -> throw new IllegalArgumentException("use zip()");
    }) {
      c.write(plain);
    }
    return out.toByteArray();
  }

  /** A zip with DEFLATED entries, a stored one, and unix modes, in the given entry order. */
  static byte[] zip(String... pathContentPairs) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (int i = 0; i < pathContentPairs.length; i += 2) {
        ZipArchiveEntry e = new ZipArchiveEntry(pathContentPairs[i]);
        e.setTime(Instant.parse("2026-01-15T10:20:30Z").toEpochMilli());
        e.setUnixMode(0100644);
        byte[] data = pathContentPairs[i + 1].getBytes(StandardCharsets.UTF_8);
        e.setMethod(i == 0 ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
        if (i == 0) {
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(data);
          e.setSize(data.length);
          e.setCrc(crc.getValue());
        }
        zip.putArchiveEntry(e);
        zip.write(data);
        zip.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }
}
