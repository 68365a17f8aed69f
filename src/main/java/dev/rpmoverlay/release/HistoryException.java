package dev.rpmoverlay.release;

/**
 * A git history that cannot be read for a reason the user can fix (no repository, no commits, an
 * unreadable spec): one sentence naming the path, printed by the command line without a stack trace.
 */
public final class HistoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HistoryException(String message) {
    super(message);
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
