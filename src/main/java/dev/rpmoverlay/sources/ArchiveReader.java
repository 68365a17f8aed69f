package dev.rpmoverlay.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads an archive into {@link ArchiveEntry entries}, refusing what cannot be extracted safely or
 * repacked faithfully (docs/azldev-compatibility.md §2.2): an entry whose path is absolute or climbs
 * out with {@code ..}, a symbolic link whose target lies outside the archive, a hard link to a file
 * the archive does not hold, device files and FIFOs. Nothing is written to disk: the archive is
 * unpacked in memory, up to {@code maxBytes} of content.
 */
final class ArchiveReader {
  private final String name;
  private final long maxBytes;
  private long total;

  /**
   * @param name the archive's file name, for messages
   * @param maxBytes the most content (sum of file sizes) the archive may unpack to
   */
  ArchiveReader(String name, long maxBytes) {
    this.name = name;
    this.maxBytes = maxBytes;
  }

  /** The archive's format and entries, in archive order (a later duplicate replaces an earlier one, as tar does). */
  record Contents(ArchiveFormat format, Map<String, ArchiveEntry> entries) {}

  Contents read(byte[] archive) throws ArchiveException {
    byte[] head = java.util.Arrays.copyOf(archive, Math.min(archive.length, ArchiveFormat.headLength()));
    ArchiveFormat format = ArchiveFormat.sniff(head).orElseThrow(() -> new ArchiveException("archive '" + name
        + "' is neither a tar (plain, gzip, bzip2, xz or zstd) nor a zip archive, going by its first bytes"));
    try {
      Map<String, ArchiveEntry> entries = format == ArchiveFormat.ZIP ? readZip(archive) : readTar(decompress(format, archive));
      checkLinks(entries);
      return new Contents(format, entries);
    } catch (IOException e) {
      throw new ArchiveException("cannot read archive '" + name + "' as " + format.description() + ": " + e.getMessage(), e);
    }
  }

  private static InputStream decompress(ArchiveFormat format, byte[] archive) throws IOException {
    InputStream raw = new ByteArrayInputStream(archive);
    return switch (format) {
      case TAR -> raw;
      case TAR_GZIP -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
      case TAR_BZIP2 -> new BZip2CompressorInputStream(raw, true);
      case TAR_XZ -> new XZCompressorInputStream(raw, true);
      case TAR_ZSTD -> new ZstdCompressorInputStream(raw);
      case ZIP -> throw new IllegalArgumentException("zip is not a compressed tar");
    };
  }

  private Map<String, ArchiveEntry> readTar(InputStream in) throws IOException, ArchiveException {
    Map<String, ArchiveEntry> out = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name())) {
      TarArchiveEntry e;
      boolean any = false;
      while ((e = tar.getNextEntry()) != null) {
        any = true;
        String path = confined(e.getName());
        int mode = e.getMode() & 07777;
        if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
          throw refused(path, "is a device file or FIFO; only files, directories and links can be repacked");
        } else if (e.isSparse()) {
          throw refused(path, "is a sparse file, which cannot be repacked faithfully");
        } else if (e.isDirectory()) {
          if (!path.isEmpty()) {
            out.put(path, ArchiveEntry.directory(path, mode));
          }
        } else if (e.isSymbolicLink()) {
          out.put(path, ArchiveEntry.link(path, ArchiveEntry.Kind.SYMLINK, mode, e.getLinkName()));
        } else if (e.isLink()) {
          out.put(path, ArchiveEntry.link(path, ArchiveEntry.Kind.HARDLINK, mode, e.getLinkName()));
        } else if (e.isFile()) {
          out.put(path, ArchiveEntry.file(path, mode, content(tar, path, e.getSize()), -1));
        } else {
          throw refused(path, "has a tar entry type ('" + (char) e.getLinkFlag() + "') that cannot be repacked");
        }
      }
      if (!any) {
        throw new ArchiveException("archive '" + name + "' holds no tar entries");
      }
    }
    return out;
  }

  private Map<String, ArchiveEntry> readZip(byte[] archive) throws IOException, ArchiveException {
    Map<String, ArchiveEntry> out = new LinkedHashMap<>();
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive))
        .setCharset(StandardCharsets.UTF_8).get()) {
      for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
        String path = confined(e.getName());
        int unixMode = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() : 0;
        int mode = unixMode & 07777;
        if (e.isUnixSymlink()) {
          try (InputStream in = zip.getInputStream(e)) {
            out.put(path, ArchiveEntry.link(path, ArchiveEntry.Kind.SYMLINK, mode, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        } else if (e.isDirectory()) {
          if (!path.isEmpty()) {
            out.put(path, ArchiveEntry.directory(path, mode == 0 ? 0755 : mode));
          }
        } else if ((unixMode & 0170000) != 0 && (unixMode & 0170000) != 0100000) {
          throw refused(path, "is not a regular file, directory or link (unix mode " + Integer.toOctalString(unixMode) + ")");
        } else {
          if (!zip.canReadEntryData(e)) {
            throw refused(path, "uses a zip feature that cannot be read (compression method " + e.getMethod() + " or encryption)");
          }
          try (InputStream in = zip.getInputStream(e)) {
            out.put(path, ArchiveEntry.file(path, mode == 0 ? 0644 : mode, content(in, path, e.getSize()), e.getMethod()));
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new ArchiveException("archive '" + name + "' holds no zip entries");
    }
    return out;
  }

  private byte[] content(InputStream in, String path, long declared) throws IOException, ArchiveException {
    if (declared > maxBytes - total) {
      throw tooBig(path);
    }
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes - total + 1));
    total += bytes.length;
    if (total > maxBytes) {
      throw tooBig(path);
    }
    return bytes;
  }

  private ArchiveException tooBig(String path) {
    String limit = maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes";
    return new ArchiveException("archive '" + name + "' unpacks to more than " + limit
        + " (at '" + path + "'); archive overlays unpack archives in memory and stop there");
  }

  /**
   * The entry's path without a leading {@code ./} or trailing {@code /}; refuses an absolute path
   * and any {@code ..} segment, which would land outside the extraction root.
   */
  private String confined(String raw) throws ArchiveException {
    String p = raw;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals(".")) {
      return "";
    }
    if (raw.startsWith("/") || raw.contains("\\") || p.contains("\0")) {
      throw refused(raw, "has an absolute or non-portable path, which would be extracted outside the extraction root");
    }
    for (String segment : p.split("/", -1)) {
      if (segment.equals("..") || segment.isEmpty() || segment.equals(".")) {
        throw refused(raw, "climbs out of or is not normalized within the extraction root");
      }
    }
    return p;
  }

  /** Every link must stay inside the archive: a symlink's target resolved from its directory, a hard link's target an archived file. */
  private void checkLinks(Map<String, ArchiveEntry> entries) throws ArchiveException {
    for (ArchiveEntry e : entries.values()) {
      if (e.kind() == ArchiveEntry.Kind.SYMLINK) {
        if (e.linkTarget().isEmpty() || resolve(parent(e.path()), e.linkTarget()).isEmpty()) {
          throw refused(e.path(), "is a symbolic link to '" + e.linkTarget() + "', outside the archive");
        }
      } else if (e.kind() == ArchiveEntry.Kind.HARDLINK) {
        Optional<String> target = resolve("", e.linkTarget());
        ArchiveEntry linked = target.map(entries::get).orElse(null);
        if (linked == null || linked.kind() != ArchiveEntry.Kind.FILE) {
          throw refused(e.path(), "is a hard link to '" + e.linkTarget() + "', which is not a file in the archive");
        }
      }
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** {@code target} resolved lexically against {@code dir}; empty when absolute or above the archive's top. */
  static Optional<String> resolve(String dir, String target) {
    if (target.startsWith("/")) {
      return Optional.empty();
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String s : (dir.isEmpty() ? target : dir + "/" + target).split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  private ArchiveException refused(String path, String why) {
    return new ArchiveException("archive '" + name + "': entry '" + path + "' " + why);
  }
}
