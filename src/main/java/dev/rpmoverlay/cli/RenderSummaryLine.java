package dev.rpmoverlay.cli;

import dev.rpmoverlay.render.ComponentResult;
import dev.rpmoverlay.render.ComponentResult.Output;
import dev.rpmoverlay.render.RenderSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The last line of {@code render}: what happened to the output, per kind, so that a CI log says
 * exactly what a run did, for example {@code 42 components: 3 rendered, 38 unchanged, 1 failed
 * (previous output kept)}, or {@code 42 components: 42 up to date}.
 */
final class RenderSummaryLine {
  private RenderSummaryLine() {}

  static String of(RenderSummary summary, boolean reRenderedAll) {
    List<ComponentResult> results = summary.results();
    long written = count(results, Output.WRITTEN);
    long unchanged = count(results, Output.UNCHANGED) - results.stream().filter(r -> r.failed() && r.output() == Output.UNCHANGED).count();
    long failed = summary.failures();
    String head = plural(results.size(), "component") + (reRenderedAll ? " re-rendered" : "") + ": ";
    if (!summary.wrote()) {
      long would = results.stream().filter(r -> !r.failed() && r.output() == Output.NOT_WRITTEN).count();
      return head + failed + " failed; nothing written (--fail-on-error), " + would + " would have been rendered";
    }
    if (written == 0 && failed == 0) {
      return head + unchanged + " up to date";
    }
    StringBuilder sb = new StringBuilder(head).append(written).append(" rendered, ").append(unchanged).append(" unchanged");
    if (failed > 0) {
      sb.append(", ").append(failed).append(" failed");
      long kept = results.stream().filter(r -> r.failed() && r.output() == Output.KEPT).count();
      long marker = results.stream().filter(r -> r.failed() && r.output() == Output.MARKER).count();
      long other = failed - kept - marker;
      List<String> parts = new ArrayList<>();
      if (kept > 0) {
        parts.add((kept == failed ? "" : kept + " ") + "previous output kept");
      }
      if (marker > 0) {
        parts.add((marker == failed ? "" : marker + " ") + "failure marker written");
      }
      if (other > 0) {
        parts.add(other + " failure marker unchanged");
      }
      sb.append(" (").append(String.join(", ", parts)).append(')');
    }
    return sb.toString();
  }

  /**
   * The last line of {@code render --check}, e.g. {@code 42 components: 41 up to date, 1 drifted},
   * with the failed components and stale dirs when there are any.
   */
  static String ofCheck(RenderSummary summary) {
    List<ComponentResult> results = summary.results();
    long drifted = summary.drifted().size();
    long failed = summary.failures();
    long upToDate = results.stream().filter(r -> !r.changed() && !r.failed()).count();
    StringBuilder sb = new StringBuilder(plural(results.size(), "component")).append(": ").append(upToDate).append(" up to date");
    if (drifted > 0) {
      sb.append(", ").append(drifted).append(" drifted");
    }
    if (failed > 0) {
      sb.append(", ").append(failed).append(" failed");
    }
    if (!summary.staleDirs().isEmpty()) {
      sb.append("; ").append(plural(summary.staleDirs().size(), "stale dir"));
    }
    return sb.toString();
  }

  private static long count(List<ComponentResult> results, Output o) {
    return results.stream().filter(r -> r.output() == o).count();
  }

  static String plural(long n, String word) {
    // not String.format: its first use loads the JDK's locale data (~15 ms of a one-component render)
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
