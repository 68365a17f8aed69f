package dev.rpmoverlay.overlay;

import java.util.Locale;
import java.util.Set;

/**
 * The words that start a spec section in azldev's parser (docs/azldev-compatibility.md §2.3). {@code %end}
 * and unknown {@code %foo} are not among them.
 */
public final class SectionKeywords {
  private static final Set<String> KEYWORDS = Set.of(
      "%package", "%prep", "%conf", "%build", "%install", "%check", "%clean", "%generate_buildrequires",
      "%pre", "%post", "%preun", "%postun", "%pretrans", "%posttrans", "%preuntrans", "%postuntrans", "%verify",
      "%triggerin", "%triggerun", "%triggerprein", "%triggerpostun",
      "%filetriggerin", "%filetriggerun", "%filetriggerpostun",
      "%transfiletriggerin", "%transfiletriggerun", "%transfiletriggerpostun",
      "%description", "%files", "%changelog", "%patchlist", "%sourcelist");

  private SectionKeywords() {}

  /** Whether {@code token} (any case) starts a section. */
  public static boolean isSectionKeyword(String token) {
    return KEYWORDS.contains(token.toLowerCase(Locale.ROOT));
  }
}
