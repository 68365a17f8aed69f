package dev.rpmoverlay.sources;

/**
 * {@code prepare-sources} cannot produce the directory: a non-empty output without {@code --force},
 * a lookaside file that cannot be had, an archive overlay without its {@code source-files} entry or
 * whose repacked archive does not have the declared hash. One sentence naming the component and
 * saying what to do.
 */
public final class PrepareException extends Exception {
  private static final long serialVersionUID = 1L;

  public PrepareException(String message) {
    super(message);
  }

  public PrepareException(String message, Throwable cause) {
    super(message, cause);
  }
}
