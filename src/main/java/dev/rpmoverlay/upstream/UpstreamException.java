package dev.rpmoverlay.upstream;

/**
 * A problem with upstream content that the user can fix or act on: a missing repository, branch or
 * commit, an unreadable cache entry, a malformed {@code sources} file, a stale lock. The message is
 * one complete sentence naming the component and what to do; the CLI prints it without a stack
 * trace.
 */
public class UpstreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UpstreamException(String message) {
    super(message);
  }

  public UpstreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
