package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One layer of component configuration as declared (a component, a group's or the project's
 * {@code default-component-config}, a distro version's defaults). Unset values are zero values
 * (empty string, false, empty list), exactly as in azldev's Go structs, because {@link
 * #mergedWith} reproduces mergo's {@code WithOverride + WithAppendSlice}: a zero value never
 * overrides, so a bool cannot be turned back off and an empty string cannot clear anything.
 *
 * @param overlayFiles {@code overlay-files} patterns; the only list that a higher layer replaces
 *     instead of appending to (empty optional = not set; an empty list disables inherited ones).
 *     Relative patterns resolve against the component's own config file directory.
 */
record ComponentLayer(
    SpecLayer spec,
    String release,
    BuildLayer build,
    boolean skipFileFilter,
    List<SourceFile> sourceFiles,
    List<Overlay> overlays,
    Optional<List<String>> overlayFiles) {

  public static final ComponentLayer EMPTY =
      new ComponentLayer(SpecLayer.EMPTY, "", BuildLayer.EMPTY, false, List.of(), List.of(), Optional.empty());

  public ComponentLayer {
    sourceFiles = List.copyOf(sourceFiles);
    overlays = List.copyOf(overlays);
    overlayFiles = overlayFiles.map(List::copyOf);
  }

  /** {@code spec}; {@code path} is absolute (resolved against the declaring file) or empty. */
  public record SpecLayer(String type, String path, DistroRef upstreamDistro, String upstreamName, String upstreamCommit) {
    public static final SpecLayer EMPTY = new SpecLayer("", "", DistroRef.NONE, "", "");

    SpecLayer mergedWith(SpecLayer o) {
      return new SpecLayer(
          pick(type, o.type),
          pick(path, o.path),
          new DistroRef(
              pick(upstreamDistro.name(), o.upstreamDistro.name()),
              pick(upstreamDistro.version(), o.upstreamDistro.version()),
              pick(upstreamDistro.snapshot(), o.upstreamDistro.snapshot())),
          pick(upstreamName, o.upstreamName),
          pick(upstreamCommit, o.upstreamCommit));
    }
  }

  /** {@code build}, flattened: check, failure and hints are folded in. */
  public record BuildLayer(
      List<String> with,
      List<String> without,
      SortedMap<String, String> defines,
      List<String> undefines,
      boolean checkSkip,
      String checkSkipReason,
      boolean failureExpected,
      String failureExpectedReason,
      boolean hintsExpensive,
      boolean emitUpstreamProvenance) {
    public static final BuildLayer EMPTY =
        new BuildLayer(List.of(), List.of(), new TreeMap<>(), List.of(), false, "", false, "", false, false);

    public BuildLayer {
      with = List.copyOf(with);
      without = List.copyOf(without);
      defines = Collections.unmodifiableSortedMap(new TreeMap<>(defines));
      undefines = List.copyOf(undefines);
    }

    BuildLayer mergedWith(BuildLayer o) {
      SortedMap<String, String> mergedDefines = new TreeMap<>(defines);
      for (Map.Entry<String, String> e : o.defines.entrySet()) {
        // mergo: an empty value only fills a missing key, it never overrides
        if (!e.getValue().isEmpty() || !mergedDefines.containsKey(e.getKey())) {
          mergedDefines.put(e.getKey(), e.getValue());
        }
      }
      return new BuildLayer(
          concat(with, o.with),
          concat(without, o.without),
          mergedDefines,
          concat(undefines, o.undefines),
          checkSkip || o.checkSkip,
          pick(checkSkipReason, o.checkSkipReason),
          failureExpected || o.failureExpected,
          pick(failureExpectedReason, o.failureExpectedReason),
          hintsExpensive || o.hintsExpensive,
          emitUpstreamProvenance || o.emitUpstreamProvenance);
    }
  }

  /** This layer with {@code over} merged on top (azldev's {@code MergeUpdatesFrom}). */
  public ComponentLayer mergedWith(ComponentLayer over) {
    return new ComponentLayer(
        spec.mergedWith(over.spec),
        pick(release, over.release),
        build.mergedWith(over.build),
        skipFileFilter || over.skipFileFilter,
        concat(sourceFiles, over.sourceFiles),
        concat(overlays, over.overlays),
        over.overlayFiles.isPresent() ? over.overlayFiles : overlayFiles);
  }

  /**
   * The field paths this layer sets (non-zero values), in schema order; used to report which
   * layer each effective value came from.
   */
  public List<String> setFields() {
    List<String> out = new ArrayList<>();
    add(out, "spec.type", !spec.type.isEmpty());
    add(out, "spec.path", !spec.path.isEmpty());
    add(out, "spec.upstream-distro.name", !spec.upstreamDistro.name().isEmpty());
    add(out, "spec.upstream-distro.version", !spec.upstreamDistro.version().isEmpty());
    add(out, "spec.upstream-distro.snapshot", !spec.upstreamDistro.snapshot().isEmpty());
    add(out, "spec.upstream-name", !spec.upstreamName.isEmpty());
    add(out, "spec.upstream-commit", !spec.upstreamCommit.isEmpty());
    add(out, "release.calculation", !release.isEmpty());
    add(out, "build.with", !build.with.isEmpty());
    add(out, "build.without", !build.without.isEmpty());
    for (String name : build.defines.keySet()) {
      out.add("build.defines." + name);
    }
    add(out, "build.undefines", !build.undefines.isEmpty());
    add(out, "build.emit-upstream-provenance", build.emitUpstreamProvenance);
    add(out, "build.check.skip", build.checkSkip);
    add(out, "build.check.skip_reason", !build.checkSkipReason.isEmpty());
    add(out, "build.failure.expected", build.failureExpected);
    add(out, "build.failure.expected-reason", !build.failureExpectedReason.isEmpty());
    add(out, "build.hints.expensive", build.hintsExpensive);
    add(out, "render.skip-file-filter", skipFileFilter);
    add(out, "source-files", !sourceFiles.isEmpty());
    add(out, "overlays", !overlays.isEmpty());
    add(out, "overlay-files", overlayFiles.isPresent());
    return out;
  }

  private static void add(List<String> out, String path, boolean set) {
    if (set) {
      out.add(path);
    }
  }

  static String pick(String base, String over) {
    return over.isEmpty() ? base : over;
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<T> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }
}
