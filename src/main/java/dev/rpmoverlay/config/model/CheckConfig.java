package dev.rpmoverlay.config.model;

/** {@code build.check}: skip the %check section, with the reason printed into the spec. */
public record CheckConfig(boolean skip, String skipReason) {
  public static final CheckConfig NONE = new CheckConfig(false, "");
}
