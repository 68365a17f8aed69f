package dev.rpmoverlay.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Writes entries back as an archive of a given format, deterministically: entries sorted by path,
 * every timestamp fixed (the Unix epoch for tar and gzip, 1980-01-01 00:00 for zip, the earliest
 * date zip can hold, written as is and never through the local time zone), owner and group 0
 * without names, names in UTF-8, fixed compression settings (gzip and zip deflate level 9 without
 * file name or OS, bzip2 900k blocks, xz preset 6, zstd level 19, single-threaded). Only the entries'
 * paths, kinds, modes and content reach the bytes, so the same entries give the same archive on any
 * machine and in any time zone, with one caveat: gzip and zip deflate come from the JVM's zlib,
 * and a different zlib build (zlib-ng, for example) may compress the same bytes differently.
 */
final class ArchiveWriter {
  /** 1980-01-01T00:00, the first instant a zip (DOS) timestamp can express. */
  private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);
  private static final int XZ_PRESET = 6;
  private static final int ZSTD_LEVEL = 19;

  private ArchiveWriter() {}

  static byte[] write(ArchiveFormat format, Collection<ArchiveEntry> entries) throws IOException {
    List<ArchiveEntry> sorted = entries.stream().sorted(Comparator.comparing(ArchiveEntry::path)).toList();
    if (format == ArchiveFormat.ZIP) {
      return zip(sorted);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream compressed = compressor(format, bytes)) {
      tar(sorted, compressed);
    }
    return bytes.toByteArray();
  }

  private static OutputStream compressor(ArchiveFormat format, OutputStream out) throws IOException {
    return switch (format) {
      case TAR -> new NoCloseOutputStream(out);
      case TAR_GZIP -> {
        GzipParameters p = new GzipParameters();
        p.setCompressionLevel(Deflater.BEST_COMPRESSION);
        p.setModificationTime(0);
        p.setOS(GzipParameters.OS.UNKNOWN);
        yield new GzipCompressorOutputStream(out, p);
      }
      case TAR_BZIP2 -> new BZip2CompressorOutputStream(out, BZip2CompressorOutputStream.MAX_BLOCKSIZE);
      case TAR_XZ -> XZCompressorOutputStream.builder().setOutputStream(out).setLzma2Options(new org.tukaani.xz.LZMA2Options(XZ_PRESET)).get();
      case TAR_ZSTD -> new ZstdCompressorOutputStream(out, ZSTD_LEVEL, true, false);
      case ZIP -> throw new IllegalArgumentException("zip is written by zip()");
    };
  }

  private static void tar(List<ArchiveEntry> entries, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    for (ArchiveEntry e : entries) {
      TarArchiveEntry t = switch (e.kind()) {
        case DIRECTORY -> new TarArchiveEntry(e.path() + "/", TarConstants.LF_DIR);
        case FILE -> new TarArchiveEntry(e.path(), TarConstants.LF_NORMAL);
        case SYMLINK -> new TarArchiveEntry(e.path(), TarConstants.LF_SYMLINK);
        case HARDLINK -> new TarArchiveEntry(e.path(), TarConstants.LF_LINK);
      };
      t.setMode(modeBits(e));
      t.setModTime(FileTime.fromMillis(0));
      t.setUserId(0);
      t.setGroupId(0);
      t.setUserName("");
      t.setGroupName("");
      if (e.kind() == ArchiveEntry.Kind.SYMLINK || e.kind() == ArchiveEntry.Kind.HARDLINK) {
        t.setLinkName(e.linkTarget());
      }
      if (e.kind() == ArchiveEntry.Kind.FILE) {
        t.setSize(e.content().length);
      }
      tar.putArchiveEntry(t);
      if (e.kind() == ArchiveEntry.Kind.FILE) {
        tar.write(e.content());
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }

  /** The tar mode: the entry's permission bits plus the file-type bits tar expects for its kind. */
  private static int modeBits(ArchiveEntry e) {
    int type = switch (e.kind()) {
      case DIRECTORY -> 0040000;
      case SYMLINK -> 0120000;
      case FILE, HARDLINK -> 0100000;
    };
    return type | (e.mode() & 07777);
  }

  private static byte[] zip(List<ArchiveEntry> entries) throws IOException {
    SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
      zip.setEncoding(StandardCharsets.UTF_8.name());
      zip.setUseLanguageEncodingFlag(true);
      zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
      zip.setUseZip64(Zip64Mode.AsNeeded);
      zip.setLevel(Deflater.BEST_COMPRESSION);
      for (ArchiveEntry e : entries) {
        ZipArchiveEntry z = new ZipArchiveEntry(e.kind() == ArchiveEntry.Kind.DIRECTORY ? e.path() + "/" : e.path());
        z.setTimeLocal(ZIP_EPOCH);
        z.setUnixMode(modeBits(e));
        byte[] data = switch (e.kind()) {
          case DIRECTORY -> new byte[0];
          case SYMLINK -> e.linkTarget().getBytes(StandardCharsets.UTF_8);
          case FILE, HARDLINK -> e.content();
        };
        z.setMethod(e.kind() == ArchiveEntry.Kind.FILE && e.zipMethod() == ZipEntry.DEFLATED ? ZipEntry.DEFLATED : ZipEntry.STORED);
        zip.putArchiveEntry(z);
        zip.write(data);
        zip.closeArchiveEntry();
      }
      zip.finish();
    }
    byte[] all = channel.array();
    return java.util.Arrays.copyOf(all, (int) channel.size());
  }

  /** Lets the tar writer be closed without closing the byte sink (a plain tar has no compressor). */
  private static final class NoCloseOutputStream extends java.io.FilterOutputStream {
    NoCloseOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
