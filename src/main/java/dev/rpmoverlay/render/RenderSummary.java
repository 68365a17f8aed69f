package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SourceTree;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a render run: one result per component (sorted by name), the stale component
 * dirs found (removed unless checking), whether output was written, and the component dirs
 * (relative, {@code c/curl}) put back because an earlier run was killed in the middle of swapping them.
 * Under {@code --check}, {@code checkedOutput} holds what render gave for each component that
 * drifted (by name), so that the drift can be shown file by file. {@code writtenStamps} are the
 * stamps of what it wrote, where they prove a dir unchanged since.
 */
public record RenderSummary(List<ComponentResult> results, List<String> staleDirs, boolean wrote, List<String> repairedSwaps,
    Map<String, SourceTree> checkedOutput, WrittenStamps writtenStamps) {
  public RenderSummary {
    results = List.copyOf(results);
    staleDirs = List.copyOf(staleDirs);
    repairedSwaps = List.copyOf(repairedSwaps);
    checkedOutput = java.util.Collections.unmodifiableMap(new TreeMap<>(checkedOutput));
  }

  public RenderSummary(List<ComponentResult> results, List<String> staleDirs, boolean wrote, List<String> repairedSwaps) {
    this(results, staleDirs, wrote, repairedSwaps, Map.of(), WrittenStamps.NONE);
  }

  public RenderSummary(List<ComponentResult> results, List<String> staleDirs, boolean wrote) {
    this(results, staleDirs, wrote, List.of());
  }

  public long failures() {
    return results.stream().filter(ComponentResult::failed).count();
  }

  public List<ComponentResult> drifted() {
    return results.stream().filter(ComponentResult::changed).toList();
  }
}
