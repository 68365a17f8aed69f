package dev.rpmoverlay.review;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints component diffs as unified diffs that {@code patch -p1} and {@code git apply} accept.
 * Each hunk names the overlays that made it after its {@code @@} range (where diff puts a section
 * heading, which patch tools ignore); a file changed as a whole (added, removed, renamed, binary)
 * names them on an {@code #} line before its header.
 */
public final class UnifiedDiffWriter {
  private final PrintWriter out;

  public UnifiedDiffWriter(PrintWriter out) {
    this.out = out;
  }

  public void write(ComponentDiff diff) {
    for (FileDiff file : diff.files()) {
      write(diff.component(), file);
    }
  }

  private void write(String component, FileDiff file) {
    String from = file.upstreamPath().isEmpty() ? "/dev/null" : "a/" + component + "/" + file.upstreamPath();
    String to = file.renderedPath().isEmpty() ? "/dev/null" : "b/" + component + "/" + file.renderedPath();
    out.println("diff " + label(from, component, file.upstreamPath()) + " " + label(to, component, file.renderedPath()));
    if (file.status() != FileDiff.Status.MODIFIED || file.binary()) {
      out.println("# " + describe(file) + ": " + causes(file.causes()));
    }
    if (file.binary()) {
      out.println("Binary files " + from + " and " + to + " differ");
      return;
    }
    if (file.hunks().isEmpty()) {
      return;
    }
    out.println("--- " + from);
    out.println("+++ " + to);
    for (Hunk hunk : file.hunks()) {
      out.println(hunk.header() + " " + causes(hunk.causes()));
      for (DiffLine line : hunk.lines()) {
        out.println(line.kind().marker() + line.text());
        if (line.noNewlineAtEnd()) {
          out.println("\\ No newline at end of file");
        }
      }
    }
  }

  private static String label(String diffPath, String component, String path) {
    return diffPath.equals("/dev/null") ? "/dev/null" : component + "/" + path;
  }

  private static String describe(FileDiff file) {
    return switch (file.status()) {
      case ADDED -> "added " + file.renderedPath();
      case REMOVED -> "removed " + file.upstreamPath();
      case RENAMED -> "renamed " + file.upstreamPath() + " -> " + file.renderedPath();
      case MODIFIED -> "changed " + file.renderedPath();
    };
  }

  static String causes(List<Cause> causes) {
    return causes.stream().map(Cause::label).collect(Collectors.joining("; "));
  }
}
