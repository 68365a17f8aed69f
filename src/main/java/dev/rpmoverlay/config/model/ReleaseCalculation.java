package dev.rpmoverlay.config.model;

/** {@code release.calculation}: how the Release tag is produced. */
public enum ReleaseCalculation {
  AUTO("auto"),
  AUTORELEASE("autorelease"),
  STATIC("static"),
  MANUAL("manual");

  private final String tomlName;

  ReleaseCalculation(String tomlName) {
    this.tomlName = tomlName;
  }

  public String tomlName() {
    return tomlName;
  }
}
