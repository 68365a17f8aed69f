package dev.rpmoverlay.review;

/** Where one line of a rendered file came from. */
sealed interface LineSource {

  /** Upstream's line {@code line} (1-based), unchanged. */
  record Upstream(int line) implements LineSource {}

  /** Written or last changed by {@code cause}. */
  record Edited(Cause cause) implements LineSource {}
}
