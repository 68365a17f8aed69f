package dev.rpmoverlay.spec;

/**
 * azldev's rules for reading the package qualifier off a section header. They changed between the
 * build that made the Azure Linux 4 golden output and azldev HEAD (docs/azldev-compatibility.md §2.3).
 */
public enum QualifierRules {
  /**
   * azldev HEAD: {@code --} stops parsing (trigger conditions follow); {@code -n X} gives an
   * absolute name; {@code -f -p -l -P} take an argument; other flags are skipped; the first bare
   * token is the suffix.
   */
  HEAD,
  /**
   * The April-2026 build: only {@code -f} and {@code -p} take an argument and {@code --} is an
   * ordinary flag, so {@code %triggerin -- pkg} names package {@code pkg} and {@code %files -l de}
   * names {@code de}.
   */
  APRIL_2026
}
