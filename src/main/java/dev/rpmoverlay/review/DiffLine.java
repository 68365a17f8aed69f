package dev.rpmoverlay.review;

/**
 * One line of a unified-diff hunk.
 *
 * @param noNewlineAtEnd the line is the last of its file and has no line terminator (printed as
 *     diff's {@code \\ No newline at end of file})
 */
public record DiffLine(Kind kind, String text, boolean noNewlineAtEnd) {

  public DiffLine(Kind kind, String text) {
    this(kind, text, false);
  }

  public enum Kind {
    CONTEXT(' '),
    REMOVED('-'),
    ADDED('+');

    private final char marker;

    Kind(char marker) {
      this.marker = marker;
    }

    public char marker() {
      return marker;
    }
  }
}
