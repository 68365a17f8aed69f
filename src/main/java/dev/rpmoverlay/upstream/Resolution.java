package dev.rpmoverlay.upstream;

import java.util.Locale;

/** Which rule chose a component's upstream commit (docs/azldev-compatibility.md §1.9, in priority order). */
public enum Resolution {
  /** The commit recorded in the component's lock file. */
  LOCK,
  /** {@code spec.upstream-commit}. */
  PIN,
  /** The last first-parent commit at or before the distro snapshot time. */
  SNAPSHOT,
  /** The branch tip (no lock, pin or snapshot). */
  TIP;

  public String tomlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Resolution fromTomlName(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
