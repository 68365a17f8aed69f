package dev.rpmoverlay.review;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code diff --stat}: one line per changed file with its added and removed line counts and the
 * overlays that changed it, then one summary line per component and a total.
 */
public final class DiffStatWriter {
  private final PrintWriter out;

  public DiffStatWriter(PrintWriter out) {
    this.out = out;
  }

  public void write(List<ComponentDiff> diffs) {
    int width = diffs.stream()
        .flatMap(d -> d.files().stream().map(f -> d.component().length() + 1 + name(f).length()))
        .max(Integer::compare)
        .orElse(0);
    long files = 0;
    long added = 0;
    long removed = 0;
    for (ComponentDiff diff : diffs) {
      for (FileDiff file : diff.files()) {
        String name = diff.component() + "/" + name(file);
        String counts = file.binary() ? "binary" : "+" + file.added() + " -" + file.removed();
        out.println(String.format(java.util.Locale.ROOT, " %-" + width + "s | %-11s %s", name, counts, overlayNumbers(file.causes())));
        files++;
        added += file.added();
        removed += file.removed();
      }
    }
    out.println(String.format(java.util.Locale.ROOT, " %d component%s, %d file%s changed, %d insertion%s(+), %d deletion%s(-)",
        diffs.size(), plural(diffs.size()), files, plural(files), added, plural(added), removed, plural(removed)));
  }

  /** The file's path; a renamed file shows both names, {@code old → new}. */
  private static String name(FileDiff file) {
    return file.status() == FileDiff.Status.RENAMED ? file.upstreamPath() + " \u2192 " + file.renderedPath() : file.path();
  }

  /** {@code #1 #4 +banner}: overlay numbers, then synthesized edits. */
  static String overlayNumbers(List<Cause> causes) {
    StringBuilder sb = new StringBuilder();
    for (Cause c : causes) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(c.isOverlay() ? "#" + c.number() : "+" + c.type());
    }
    return sb.toString();
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
