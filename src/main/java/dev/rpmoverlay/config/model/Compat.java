package dev.rpmoverlay.config.model;

/**
 * Which azldev behaviour to reproduce where azldev changed rendered bytes over time
 * (docs/azldev-compatibility.md §0). This is the single switch for those differences; code asks it
 * a question rather than testing the constant.
 */
public enum Compat {
  /**
   * The azldev development build that rendered Azure Linux 4's committed specs (about 2026-04-29):
   * lenient static Release bump {@code ^(\d+)(.*)$}, a section-less {@code spec-append-lines}
   * appends at the end of the preamble, and removing a section does no {@code %if} balancing.
   */
  AZLDEV_2026_04("azldev-2026-04"),
  /**
   * Current behaviour: the Release bump accepts only {@code N} or {@code N%{?dist}}, a
   * section-less append goes to the end of the file, and section removal keeps {@code %if}/{@code
   * %endif} balanced.
   */
  CURRENT("current");

  /** The default for the tool: current behaviour, which never leaves an orphan {@code %endif}. */
  public static final Compat DEFAULT = CURRENT;

  private final String configName;

  Compat(String configName) {
    this.configName = configName;
  }

  /** The spelling used in config files and on the command line. */
  public String configName() {
    return configName;
  }

  /** Parses {@link #configName()}; empty when unknown. */
  public static java.util.Optional<Compat> fromConfigName(String name) {
    for (Compat c : values()) {
      if (c.configName.equals(name)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  public boolean lenientReleaseBump() {
    return this == AZLDEV_2026_04;
  }

  /** Whether a {@code spec-append-lines} without a section appends at the end of the preamble. */
  public boolean sectionlessAppendEndsPreamble() {
    return this == AZLDEV_2026_04;
  }

  public boolean balanceConditionalsOnRemove() {
    return this == CURRENT;
  }
}
