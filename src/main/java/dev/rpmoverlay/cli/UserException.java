package dev.rpmoverlay.cli;

/**
 * A failure the user can fix (bad input, missing file, bad flag). Printed as one clear message,
 * never with a stack trace unless {@code -v}.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserException(String message) {
    this(message, ExitCodes.USAGE, null);
  }

  public UserException(String message, Throwable cause) {
    this(message, ExitCodes.USAGE, cause);
  }

  public UserException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
