package dev.rpmoverlay.config.model;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code build}: build conditionals and macros. {@code defines} is sorted by name (byte order), so
 * iteration order is output order.
 */
public record BuildConfig(
    List<String> with,
    List<String> without,
    SortedMap<String, String> defines,
    List<String> undefines,
    CheckConfig check,
    boolean emitUpstreamProvenance) {

  public BuildConfig {
    with = List.copyOf(with);
    without = List.copyOf(without);
    defines = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(defines));
    undefines = List.copyOf(undefines);
  }

  public static final BuildConfig NONE =
      new BuildConfig(List.of(), List.of(), new TreeMap<>(), List.of(), CheckConfig.NONE, false);
}
