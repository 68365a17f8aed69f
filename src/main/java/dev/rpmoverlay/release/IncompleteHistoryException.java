package dev.rpmoverlay.release;

/**
 * The history does not reach as far back as the result depends on (a shallow clone, or history
 * facts read from one); computing from it would silently give a wrong release number or a
 * truncated changelog, as rpmautospec does, so nothing is computed.
 */
public final class IncompleteHistoryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What the missing history was needed for. */
  public enum Need {
    /** The release number counts commits back to the last version change. */
    LAST_VERSION_CHANGE,
    /** The changelog goes back to the last change of the changelog file, or the first commit. */
    CHANGELOG_START,
    /** Anything else (no history at all, inconsistent facts). */
    OTHER
  }

  private final Need need;
  private final String endsAt;

  public IncompleteHistoryException(String message) {
    this(Need.OTHER, null, message);
  }

  public IncompleteHistoryException(Need need, String endsAt, String message) {
    super(message);
    this.need = need;
    this.endsAt = endsAt;
  }

  public Need need() {
    return need;
  }

  /** The commit where the known history ends, or null. */
  public String endsAt() {
    return endsAt;
  }
}
