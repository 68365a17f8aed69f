package dev.rpmoverlay.render;

import dev.rpmoverlay.spec.SpecDocument;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the names the file filter keeps for a spec with the Source/Patch names rpm prints for
 * it ({@code rpmspec -q --srpm --qf '[%{SOURCE}\n][%{PATCH}\n]'}). The filter must never drop a
 * name rpm prints; it may keep more, since it does not evaluate conditionals (each extra name
 * carries the reason it was kept).
 */
public final class RpmNameComparison {
  private RpmNameComparison() {}

  /** How the filter's names relate to rpm's. */
  public enum Kind {
    /** The same names. */
    SAME,
    /** A name needs a macro the filter does not expand, so it keeps every file. */
    KEEPS_ALL,
    /** Every name rpm prints, and more. */
    KEEPS_MORE,
    /** Some name rpm prints is missing: the build would fail. */
    DROPS
  }

  /**
   * @param missing names rpm prints that the filter would drop
   * @param extra names the filter keeps that rpm does not print, each with why it was kept
   *     ({@code conditional}, {@code arch-branch}, {@code macro-values} or {@code plain})
   */
  public record Result(Kind kind, SortedSet<String> missing, SortedMap<String, String> extra) {}

  public static Result compare(SpecDocument spec, Collection<String> rpmNames) {
    SpecReferences refs = SpecReferences.of(spec, name -> Optional.empty());
    if (!refs.resolved()) {
      return new Result(Kind.KEEPS_ALL, new TreeSet<>(), new TreeMap<>());
    }
    SortedSet<String> missing = new TreeSet<>(rpmNames);
    missing.removeAll(refs.names());
    SortedMap<String, String> extra = new TreeMap<>();
    for (Map.Entry<String, SpecReferences.Origin> e : refs.origins().entrySet()) {
      if (!rpmNames.contains(e.getKey())) {
        extra.put(e.getKey(), e.getValue().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
    Kind kind = !missing.isEmpty() ? Kind.DROPS : extra.isEmpty() ? Kind.SAME : Kind.KEEPS_MORE;
    return new Result(kind, missing, extra);
  }
}
