package dev.rpmoverlay.scaffold;

/** A component cannot be added as asked; the message says why and what to do instead. */
public final class ScaffoldException extends RuntimeException {
  public ScaffoldException(String message) {
    super(message);
  }
}
