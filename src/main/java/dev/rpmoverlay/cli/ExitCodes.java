package dev.rpmoverlay.cli;

/** Exit codes shared by every command (DESIGN.md section 5). */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** Drift found, or some components failed. */
  public static final int FAILED = 1;
  /** Bad usage or bad configuration. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
