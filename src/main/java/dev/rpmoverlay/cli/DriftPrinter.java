package dev.rpmoverlay.cli;

import dev.rpmoverlay.review.OutputDrift;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

/**
 * Prints what {@code render --check} found per drifted component: the files that differ, then the
 * unified diff, cut after {@link #TEXT_LINES} lines unless verbose so that one large drift cannot
 * bury the rest of a CI log.
 */
final class DriftPrinter {
  /** Diff lines shown per component without {@code -v}. */
  static final int TEXT_LINES = 40;

  private final PrintWriter out;
  private final boolean everything;

  DriftPrinter(PrintWriter out, boolean everything) {
    this.out = out;
    this.everything = everything;
  }

  void print(Collection<OutputDrift> drifts) {
    for (OutputDrift d : drifts) {
      out.println();
      out.println("drift in " + d.component() + ": " + String.join(", ", d.fileLines()));
      List<String> diff = d.diff();
      int shown = everything ? diff.size() : Math.min(diff.size(), TEXT_LINES);
      diff.subList(0, shown).forEach(out::println);
      if (shown < diff.size()) {
        int more = diff.size() - shown;
        out.println("... " + more + " more line" + (more == 1 ? "" : "s") + " of diff for " + d.component() + ", use -v to see all");
      }
    }
  }
}
