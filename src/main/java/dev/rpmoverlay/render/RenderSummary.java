package dev.rpmoverlay.render;

import java.util.List;

/**
 * The outcome of a render run: one result per component (sorted by name), the stale component
 * dirs found (removed unless checking), and whether output was written.
 */
public record RenderSummary(List<ComponentResult> results, List<String> staleDirs, boolean wrote) {
  public RenderSummary {
    results = List.copyOf(results);
    staleDirs = List.copyOf(staleDirs);
  }

  public long failures() {
    return results.stream().filter(ComponentResult::failed).count();
  }

  public List<ComponentResult> drifted() {
    return results.stream().filter(ComponentResult::changed).toList();
  }
}
