package dev.rpmoverlay.review;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a component's committed output differs from what render gives now ({@code render --check}):
 * the files render would add, remove or change, and a unified diff from the current output
 * ({@code a/}) to the rendered one ({@code b/}), so that a CI log shows what is wrong.
 *
 * @param files sorted by path
 * @param diff the unified diff's lines, without line terminators
 */
public record OutputDrift(String component, List<FileChange> files, List<String> diff) {

  public OutputDrift {
    files = List.copyOf(files);
    diff = List.copyOf(diff);
  }

  /** What render would do to one file of the component's dir. */
  public enum Kind {
    ADDED("added"),
    REMOVED("removed"),
    CHANGED("changed");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One file that differs; {@code modeOnly} when only its executable bit does. */
  public record FileChange(String path, Kind kind, boolean modeOnly) {}

  /**
   * Compares {@code dir} (the component's current output; it may not exist) with {@code rendered}.
   *
   * @param relDir the component's dir relative to the output root ({@code c/curl}), used in the diff's paths
   */
  public static OutputDrift of(String component, String relDir, Path dir, SourceTree rendered) throws IOException {
    try {
      return compare(component, relDir, dir, rendered);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static OutputDrift compare(String component, String relDir, Path dir, SourceTree rendered) throws IOException {
    SourceTree current = Files.isDirectory(dir) ? SourceTree.readDirectory(dir) : new SourceTree();
    TreeSet<String> paths = new TreeSet<>(current.files().keySet());
    paths.addAll(rendered.files().keySet());
    List<FileChange> files = new ArrayList<>();
    List<String> diff = new ArrayList<>();
    for (String path : paths) {
      Optional<TreeFile> before = current.get(path);
      Optional<TreeFile> after = rendered.get(path);
      if (before.equals(after)) {
        continue;
      }
      Kind kind = before.isEmpty() ? Kind.ADDED : after.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
      boolean modeOnly = kind == Kind.CHANGED && before.get().sameContent(after.get());
      files.add(new FileChange(path, kind, modeOnly));
      diff.addAll(fileDiff(relDir + "/" + path, before, after, modeOnly));
    }
    return new OutputDrift(component, files, diff);
  }

  private static List<String> fileDiff(String path, Optional<TreeFile> before, Optional<TreeFile> after, boolean modeOnly) {
    String from = before.isEmpty() ? "/dev/null" : "a/" + path;
    String to = after.isEmpty() ? "/dev/null" : "b/" + path;
    List<String> out = new ArrayList<>();
    out.add("diff " + from + " " + to);
    if (modeOnly) {
      out.add("old mode " + mode(before.get()));
      out.add("new mode " + mode(after.get()));
      return out;
    }
    if (before.map(TreeFile::isStored).orElse(false) || after.map(TreeFile::isStored).orElse(false)) {
      // a large file is compared by streaming and never read whole, so there are no lines to show
      out.add("Files " + from + " and " + to + " differ (larger than " + TreeFile.IN_MEMORY_MAX_BYTES + " bytes, not shown)");
      return out;
    }
    Optional<TextLines> a = before.map(f -> TextLines.of(f.content())).orElse(Optional.of(TextLines.EMPTY));
    Optional<TextLines> b = after.map(f -> TextLines.of(f.content())).orElse(Optional.of(TextLines.EMPTY));
    if (a.isEmpty() || b.isEmpty()) {
      out.add("Binary files " + from + " and " + to + " differ");
      return out;
    }
    EditScript script = TextAlignment.align(a.get().lines(), b.get().lines(), null)
        .withFinalNewlines(a.get().finalNewline(), b.get().finalNewline(), null);
    out.add("--- " + from);
    out.add("+++ " + to);
    for (Hunk hunk : HunkBuilder.hunks(script, HunkBuilder.DEFAULT_CONTEXT)) {
      out.add(hunk.header());
      for (DiffLine line : hunk.lines()) {
        out.add(line.kind().marker() + line.text());
        if (line.noNewlineAtEnd()) {
          out.add("\\ No newline at end of file");
        }
      }
    }
    return out;
  }

  private static String mode(TreeFile f) {
    return f.executable() ? "100755" : "100644";
  }

  /** The paths with their change, e.g. {@code changed curl.spec}, one per file. */
  public List<String> fileLines() {
    return files.stream().map(f -> f.kind().label() + " " + f.path() + (f.modeOnly() ? " (mode)" : "")).toList();
  }
}
