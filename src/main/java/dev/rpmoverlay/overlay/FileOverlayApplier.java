package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.DoublestarGlob;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The loose-file side of overlays (docs/azldev-compatibility.md §2.2): {@code file-*} overlays and the file
 * part of {@code patch-add}/{@code patch-remove}. Globs are doublestar globs over the component's
 * files, excluding {@code *.spec} and anything under {@code .git/}.
 */
final class FileOverlayApplier {
  private final SourceTree tree;
  private final Function<String, OverlayFailure> fail;

  FileOverlayApplier(SourceTree tree, Function<String, OverlayFailure> fail) {
    this.tree = tree;
    this.fail = fail;
  }

  void apply(Overlay overlay) {
    if (overlay instanceof Overlay.FilePrependLines o) {
      prependLines(o.file(), o.lines());
    } else if (overlay instanceof Overlay.FileSearchReplace o) {
      searchReplace(o.file(), o.regex(), o.replacement());
    } else if (overlay instanceof Overlay.FileAdd o) {
      add(o.info(), o.file(), o.source());
    } else if (overlay instanceof Overlay.FileRemove o) {
      remove(o.file());
    } else if (overlay instanceof Overlay.FileRename o) {
      rename(o.file(), o.replacement());
    } else {
      throw new IllegalArgumentException("not a file overlay: " + overlay.type());
    }
  }

  /** Files matching {@code glob}, sorted; never a spec file and never anything under {@code .git/}. */
  List<String> matches(String glob) {
    DoublestarGlob g = compile(glob);
    List<String> out = new ArrayList<>();
    for (String path : tree.files().keySet()) {
      if (!path.endsWith(".spec") && !path.startsWith(".git/") && !path.contains("/.git/") && g.matches(path)) {
        out.add(path);
      }
    }
    return out;
  }

  /** Whether a file exists at exactly {@code path} (no glob). */
  boolean exists(String path) {
    return SourceTree.isConfined(path) && tree.contains(path);
  }

  private DoublestarGlob compile(String glob) {
    try {
      return DoublestarGlob.compile(glob);
    } catch (IllegalArgumentException e) {
      throw fail.apply(e.getMessage());
    }
  }

  private List<String> requireMatches(String glob) {
    rejectSpec(glob);
    List<String> found = matches(glob);
    if (found.isEmpty()) {
      throw fail.apply("no file matches '" + glob + "'");
    }
    return found;
  }

  private void rejectSpec(String file) {
    if (file.endsWith(".spec")) {
      throw fail.apply("'" + file + "' targets a spec file; use spec-* overlays to edit the spec");
    }
  }

  private void prependLines(String glob, List<String> lines) {
    byte[] prefix = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    for (String path : requireMatches(glob)) {
      TreeFile f = tree.get(path).orElseThrow();
      byte[] old = f.content();
      byte[] merged = new byte[prefix.length + old.length];
      System.arraycopy(prefix, 0, merged, 0, prefix.length);
      System.arraycopy(old, 0, merged, prefix.length, old.length);
      tree.put(path, f.withContent(merged));
    }
  }

  private void searchReplace(String glob, String regex, String replacement) {
    Re2 re = compileRegex(regex);
    boolean changed = false;
    for (String path : requireMatches(glob)) {
      TreeFile f = tree.get(path).orElseThrow();
      ByteText text = ByteText.decode(f.content());
      String replaced = re.replaceAllLiteral(text.text(), replacement);
      if (!replaced.equals(text.text())) {
        tree.put(path, f.withContent(text.encode(replaced)));
        changed = true;
      }
    }
    if (!changed) {
      throw fail.apply("pattern \"" + regex + "\" changed no file matching '" + glob + "'");
    }
  }

  private Re2 compileRegex(String regex) {
    try {
      return Re2.compile(regex);
    } catch (IllegalArgumentException e) {
      throw fail.apply(e.getMessage());
    }
  }

  void add(OverlayInfo info, String dest, String source) {
    rejectSpec(dest);
    if (!SourceTree.isConfined(dest)) {
      throw fail.apply("destination '" + dest + "' is not a relative path inside the component directory");
    }
    if (tree.contains(dest)) {
      throw fail.apply("destination '" + dest + "' already exists; remove it first with a file-remove overlay");
    }
    try {
      tree.put(dest, OverlayFiles.read(info, source));
    } catch (IOException e) {
      throw fail.apply("cannot read '" + source + "': " + e.getMessage());
    }
  }

  private void remove(String glob) {
    for (String path : requireMatches(glob)) {
      tree.remove(path);
    }
  }

  private void rename(String glob, String newName) {
    if (newName.isEmpty() || newName.contains("/") || newName.equals(".") || newName.equals("..")) {
      throw fail.apply("replacement '" + newName + "' must be a plain file name (the file stays in its directory)");
    }
    rejectSpec(newName);
    List<String> found = requireMatches(glob);
    if (found.size() > 1) {
      throw fail.apply("'" + glob + "' matches " + found.size() + " files, but file-rename needs exactly one: " + String.join(", ", found));
    }
    String path = found.get(0);
    int slash = path.lastIndexOf('/');
    String target = slash < 0 ? newName : path.substring(0, slash + 1) + newName;
    TreeFile f = tree.get(path).orElseThrow();
    tree.remove(path);
    tree.put(target, f);
  }

  /** patch-remove, file side: deletes every loose file matching the glob. */
  void removePatchFiles(String glob) {
    List<String> found = matches(glob);
    if (found.isEmpty()) {
      throw fail.apply("no patch file matches '" + glob + "'");
    }
    for (String path : found) {
      tree.remove(path);
    }
  }
}
