package dev.rpmoverlay.upstream;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where to actually fetch a dist-git URL from, like git's {@code url.<base>.insteadOf}: a URL that
 * starts with a rule's prefix is fetched from the rule's replacement plus the rest of the URL.
 *
 * <p>A mirror changes only the transport. The configured URL stays the upstream's identity: it is
 * what the resolution hash, the lock and the cache entry's {@code url} record, so the same commit
 * fetched directly or through a mirror gives byte-identical locks and cache entries (a git commit
 * id names its whole tree and history, whichever server served it).
 */
public record DistGitMirrors(List<Rule> rules) {

  /** No mirrors: every URL is fetched as configured. */
  public static final DistGitMirrors NONE = new DistGitMirrors(List.of());

  /** URLs starting with {@code prefix} are fetched from {@code replacement} + the rest. */
  public record Rule(String prefix, String replacement) {
    public Rule {
      if (prefix.isEmpty() || replacement.isEmpty()) {
        throw new IllegalArgumentException("a dist-git mirror needs a non-empty URL prefix and replacement");
      }
    }
  }

  public DistGitMirrors {
    // longest prefix first, so the most specific rule wins whatever the order they were given in
    rules = rules.stream().sorted(Comparator.comparingInt((Rule r) -> r.prefix().length()).reversed()).toList();
  }

  /**
   * Parses {@code PREFIX=REPLACEMENT} (split at the first {@code =}).
   *
   * @throws IllegalArgumentException with a message fit for the user when the form is wrong
   */
  public static Rule parseRule(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException("expected URL_PREFIX=MIRROR_PREFIX, got '" + text + "'");
    }
    return new Rule(text.substring(0, eq), text.substring(eq + 1));
  }

  /** The URL to fetch {@code url} from: rewritten by the longest matching rule, else unchanged. */
  public String fetchUrl(String url) {
    return rule(url).map(r -> r.replacement() + url.substring(r.prefix().length())).orElse(url);
  }

  /** Whether {@code url} is fetched from somewhere else. */
  public boolean rewrites(String url) {
    return rule(url).isPresent();
  }

  private Optional<Rule> rule(String url) {
    return rules.stream().filter(r -> url.startsWith(r.prefix())).findFirst();
  }
}
