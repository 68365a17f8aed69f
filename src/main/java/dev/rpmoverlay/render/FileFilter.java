package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.spec.SpecDocument;
import java.util.HashSet;
import java.util.Set;

/**
 * Drops the files a rendered component does not need (docs/azldev-compatibility.md §4.7): everything except
 * the spec, {@code sources}, and the top-level entries the spec references. When a reference
 * cannot be resolved without macro expansion this filter cannot do, everything is kept, as azldev
 * keeps everything when spectool leaves a macro in a name. {@code .git} never survives.
 */
final class FileFilter {
  private FileFilter() {}

  static SourceTree apply(SourceTree tree, String specFileName, SpecDocument spec, boolean skip) {
    SourceTree out = tree.copy();
    for (String path : tree.files().keySet()) {
      if (firstComponent(path).equals(".git")) {
        out.remove(path);
      }
    }
    if (skip || onlyKeptAnyway(out, specFileName)) {
      return out; // nothing the references could drop: do not read them
    }
    SpecReferences refs = SpecReferences.of(spec, name -> tree.get(name).map(f -> SpecDocument.parse(f.content())));
    if (!refs.resolved()) {
      return out;
    }
    Set<String> keep = new HashSet<>(refs.names());
    keep.add(specFileName);
    keep.add("sources");
    for (String path : tree.files().keySet()) {
      if (!keep.contains(firstComponent(path))) {
        out.remove(path);
      }
    }
    return out;
  }

  /**
   * Whether every file is the spec or {@code sources}, which the filter keeps whatever the spec
   * references (many dist-git repos hold nothing else).
   */
  private static boolean onlyKeptAnyway(SourceTree tree, String specFileName) {
    for (String path : tree.files().keySet()) {
      String first = firstComponent(path);
      if (!first.equals(specFileName) && !first.equals("sources")) {
        return false;
      }
    }
    return true;
  }

  private static String firstComponent(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }
}
