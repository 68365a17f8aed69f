package dev.rpmoverlay.overlay;

/** A spec edit could not be made (what was not found, or why the edit would break the spec). */
final class SpecEditException extends Exception {
  private static final long serialVersionUID = 1L;

  SpecEditException(String message) {
    super(message);
  }
}
