package dev.rpmoverlay.review;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything review needs about one rendered component: the upstream files it started from, the
 * files it rendered, and what made each change.
 *
 * @param upstreamFiles relative path to content, as fetched (the spec under its upstream name)
 * @param renderedFiles relative path to content, as written to the output directory
 * @param upstreamSpec path of the spec in {@code upstreamFiles} (empty for a local spec)
 * @param renderedSpec path of the spec in {@code renderedFiles}
 * @param specSources origin of every rendered spec line
 * @param specRemovedBy 1-based upstream spec line to the cause that removed or replaced it
 * @param sidecarOrigins line origins of rendered text files other than the spec, by rendered path,
 *     where they are known
 * @param fileCauses causes of changes to files other than the spec, by rendered path (by upstream
 *     path for files that are gone)
 * @param renames upstream path to rendered path, for files renamed by an overlay
 */
public record RenderTrace(
    String component,
    SortedMap<String, byte[]> upstreamFiles,
    SortedMap<String, byte[]> renderedFiles,
    String upstreamSpec,
    String renderedSpec,
    List<LineSource> specSources,
    Map<Integer, Cause> specRemovedBy,
    Map<String, FileOrigins> sidecarOrigins,
    Map<String, List<Cause>> fileCauses,
    Map<String, String> renames) {

  public RenderTrace {
    upstreamFiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(upstreamFiles));
    renderedFiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(renderedFiles));
    specSources = List.copyOf(specSources);
    specRemovedBy = Map.copyOf(specRemovedBy);
    sidecarOrigins = Map.copyOf(sidecarOrigins);
    fileCauses = Map.copyOf(fileCauses);
    renames = Map.copyOf(renames);
  }
}
