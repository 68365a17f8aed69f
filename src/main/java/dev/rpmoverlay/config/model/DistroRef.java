package dev.rpmoverlay.config.model;

/** A reference to a distro version: {@code {name, version?, snapshot?}}; empty strings when unset. */
public record DistroRef(String name, String version, String snapshot) {
  public static final DistroRef NONE = new DistroRef("", "", "");
}
