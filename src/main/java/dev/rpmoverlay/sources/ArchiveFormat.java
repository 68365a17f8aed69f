package dev.rpmoverlay.sources;

import java.util.Arrays;
import java.util.Optional;

/**
 * The archive formats an archive overlay can open and write back (docs/azldev-compatibility.md
 * §2.2): tar, plain or compressed with gzip, bzip2, xz or zstd, and zip. The format is sniffed from
 * the first bytes, never trusted from the file name, so a {@code .tar.gz} that is really xz is
 * repacked as xz.
 */
enum ArchiveFormat {
  TAR("tar"),
  TAR_GZIP("gzip-compressed tar"),
  TAR_BZIP2("bzip2-compressed tar"),
  TAR_XZ("xz-compressed tar"),
  TAR_ZSTD("zstd-compressed tar"),
  ZIP("zip");

  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] BZIP2 = {'B', 'Z', 'h'};
  private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
  private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
  private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
  private static final byte[] USTAR = {'u', 's', 't', 'a', 'r'};
  /** Where a POSIX or GNU tar header has its "ustar" magic. */
  private static final int USTAR_OFFSET = 257;

  private final String description;

  ArchiveFormat(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** The bytes a format sniff needs from the start of a file. */
  static int headLength() {
    return USTAR_OFFSET + USTAR.length;
  }

  /**
   * The format of a file starting with {@code head}: by its compression magic, else a tar header
   * (whether a compressed stream holds a tar is checked when it is read).
   */
  static Optional<ArchiveFormat> sniff(byte[] head) {
    if (startsWith(head, 0, GZIP)) {
      return Optional.of(TAR_GZIP);
    } else if (startsWith(head, 0, BZIP2)) {
      return Optional.of(TAR_BZIP2);
    } else if (startsWith(head, 0, XZ)) {
      return Optional.of(TAR_XZ);
    } else if (startsWith(head, 0, ZSTD)) {
      return Optional.of(TAR_ZSTD);
    } else if (startsWith(head, 0, ZIP_ENTRY) || startsWith(head, 0, ZIP_EMPTY)) {
      return Optional.of(ZIP);
    } else if (startsWith(head, USTAR_OFFSET, USTAR)) {
      return Optional.of(TAR);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] data, int offset, byte[] magic) {
    return data.length >= offset + magic.length
        && Arrays.equals(data, offset, offset + magic.length, magic, 0, magic.length);
  }
}
