package dev.rpmoverlay.render;

import java.util.List;

/**
 * The outcome of a render run: one result per component (sorted by name), the stale component
 * dirs found (removed unless checking), whether output was written, and the component dirs
 * (relative, {@code c/curl}) put back because an earlier run was killed in the middle of swapping them.
 */
public record RenderSummary(List<ComponentResult> results, List<String> staleDirs, boolean wrote, List<String> repairedSwaps) {
  public RenderSummary {
    results = List.copyOf(results);
    staleDirs = List.copyOf(staleDirs);
    repairedSwaps = List.copyOf(repairedSwaps);
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
