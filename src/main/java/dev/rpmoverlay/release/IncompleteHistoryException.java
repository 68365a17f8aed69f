package dev.rpmoverlay.release;

/**
 * The history does not reach as far back as rpmautospec's walk needs (a shallow clone, or history
 * facts that were read before the walk needed more); computing from it would silently give a
 * wrong release number or a truncated changelog, so nothing is computed.
 */
public final class IncompleteHistoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public IncompleteHistoryException(String message) {
    super(message);
  }
}
