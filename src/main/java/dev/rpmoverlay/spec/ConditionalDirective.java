package dev.rpmoverlay.spec;

/**
 * The conditional directives of a spec, the one list every reader of the spec's {@code %if}
 * structure uses: a directive opens a block, starts another branch of it, or ends it.
 */
public enum ConditionalDirective {
  /** {@code %if}, {@code %ifarch}, {@code %ifnarch}, {@code %ifos}, {@code %ifnos}. */
  OPEN,
  /** {@code %elif}, {@code %elifarch}, {@code %elifnarch}, {@code %elifos}, {@code %elifnos}, {@code %else}. */
  BRANCH,
  /** {@code %endif}. */
  END;

  /** The directive {@code keyword} (lower case, with its {@code %}) is for azldev, or null when it is none. */
  public static ConditionalDirective of(String keyword) {
    return of(keyword, SectionHeader.Keywords.AZLDEV);
  }

  /**
   * The directive {@code keyword} is in the given parser's reading: rpm's has no {@code %elifnarch}
   * or {@code %elifnos} (its {@code lineTypes} table), so for rpm they are plain macro lines.
   */
  public static ConditionalDirective of(String keyword, SectionHeader.Keywords keywords) {
    if (keywords == SectionHeader.Keywords.RPM && (keyword.equals("%elifnarch") || keyword.equals("%elifnos"))) {
      return null;
    }
    return switch (keyword) {
      case "%if", "%ifarch", "%ifnarch", "%ifos", "%ifnos" -> OPEN;
      case "%elif", "%elifarch", "%elifnarch", "%elifos", "%elifnos", "%else" -> BRANCH;
      case "%endif" -> END;
      default -> null;
    };
  }
}
