package dev.rpmoverlay.release;

/**
 * The outcome of reading a spec's version: the version (null when rpm would fail to parse the
 * spec, or when it cannot be determined without a real rpm), and a note saying why, for verbose
 * output.
 */
record SpecVersionProbe(SpecVersion version, String problem) {
  public static SpecVersionProbe ok(SpecVersion version) {
    return new SpecVersionProbe(version, null);
  }

  public static SpecVersionProbe unknown(String problem) {
    return new SpecVersionProbe(null, problem);
  }
}
