package dev.rpmoverlay.release.macro;

/**
 * Thrown when a value cannot be computed without a real rpm macro engine (a shell or Lua
 * expansion, a macro the spec does not define, a value set inside a condition that could not be
 * decided). Callers treat the affected value as unknown instead of guessing.
 */
public final class Undetermined extends Exception {
  private static final long serialVersionUID = 1L;

  public Undetermined(String reason) {
    super(reason, null, false, false);
  }

  /** Why the value is unknown, for verbose output. */
  public String reason() {
    return getMessage();
  }
}
