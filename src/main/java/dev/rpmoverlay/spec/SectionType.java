package dev.rpmoverlay.spec;

/** The kind of a section, by its header keyword (azldev's table). */
public enum SectionType {
  /** The preamble and {@code %package}: the only sections that hold tags. */
  PACKAGE,
  /** Build scripts, scriptlets and triggers: {@code %prep}, {@code %post}, {@code %triggerin}, ... */
  SCRIPT,
  /** {@code %description}. */
  DESCRIPTION,
  FILES,
  CHANGELOG,
  /** {@code %patchlist} and {@code %sourcelist}. */
  SOURCE_LIST;

  /** Whether the section's package qualifier is always the main package. */
  public boolean isPackageless() {
    return this == CHANGELOG || this == SOURCE_LIST;
  }
}
