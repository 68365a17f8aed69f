package dev.rpmoverlay.sources;

/**
 * An archive that an archive overlay cannot open, change or write back: an unknown format, an
 * entry that would land outside the extraction root, a device file, a link to outside. The message
 * is one sentence naming the archive and the entry.
 */
public final class ArchiveException extends Exception {
  private static final long serialVersionUID = 1L;

  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
