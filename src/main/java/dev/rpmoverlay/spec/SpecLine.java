package dev.rpmoverlay.spec;

/**
 * One physical line of a spec: its text without the terminator, the terminator itself, and where
 * it came from.
 *
 * @param text the line's characters, without {@code \n} (a {@code \r} before the newline belongs to
 *     the terminator; a lone {@code \r} is content)
 * @param terminator {@code "\n"}, {@code "\r\n"}, or {@code ""} for a last line without newline
 * @param upstreamLine 1-based line number in the parsed input, or 0 for an inserted line
 * @param changedBy {@link #UNCHANGED}, or the stamp the caller passed to the edit that last wrote
 *     this line (the overlay engine uses the overlay index)
 */
public record SpecLine(String text, String terminator, int upstreamLine, int changedBy) {

  /** {@link #changedBy()} of a line that no edit has touched. */
  public static final int UNCHANGED = -1;

  public static final String LF = "\n";
  public static final String CRLF = "\r\n";
  public static final String NONE = "";

  /** A line that an edit inserted. */
  static SpecLine inserted(String text, int stamp) {
    return new SpecLine(text, LF, 0, stamp);
  }

  public boolean isInserted() {
    return upstreamLine == 0;
  }

  public boolean isChanged() {
    return changedBy != UNCHANGED;
  }

  /** The same line (terminator and origin kept) with new text, attributed to {@code stamp}. */
  public SpecLine withText(String newText, int stamp) {
    return new SpecLine(newText, terminator, upstreamLine, stamp);
  }

  SpecLine withTerminator(String newTerminator) {
    return new SpecLine(text, newTerminator, upstreamLine, changedBy);
  }
}
