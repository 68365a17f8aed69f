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

  /** The same for the given parser: rpm has no {@code %elifnarch}/{@code %elifnos} (its {@code lineTypes}). */
  public static ConditionalDirective of(String keyword, SectionHeader.Keywords keywords) {
    return switch (keyword) {
      case "%if", "%ifarch", "%ifnarch", "%ifos", "%ifnos" -> OPEN;
      case "%elif", "%elifarch", "%elifos", "%else" -> BRANCH;
      case "%elifnarch", "%elifnos" -> keywords == SectionHeader.Keywords.AZLDEV ? BRANCH : null;
      case "%endif" -> END;
      default -> null;
    };
  }
}
