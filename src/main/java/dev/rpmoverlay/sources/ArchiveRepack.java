package dev.rpmoverlay.sources;

import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the archive overlays of one archive (docs/azldev-compatibility.md §2.2): unpack it, run
 * each overlay in the extraction root (the archive's single top-level directory when it has
 * exactly one, else its top), and repack it in its sniffed format with {@link ArchiveWriter}, so the
 * same archive and overlays give the same bytes everywhere.
 */
final class ArchiveRepack {
  /** The most content an archive may unpack to: it is held in memory while the overlays run. */
  static final long MAX_UNPACKED_BYTES = 2L << 30;

  private ArchiveRepack() {}

  /**
   * @param overlays the component's archive overlays for this archive, in order
   * @return the repacked archive
   * @throws ArchiveException when the archive cannot be opened safely or written back
   * @throws dev.rpmoverlay.overlay.OverlayFailure when an overlay matches or changes nothing
   */
  static byte[] apply(String component, String archiveName, byte[] archive, List<Overlay> overlays, OverlayEngine engine)
      throws ArchiveException {
    ArchiveReader.Contents contents = new ArchiveReader(archiveName, MAX_UNPACKED_BYTES).read(archive);
    Map<String, ArchiveEntry> entries = contents.entries();
    String root = extractionRoot(entries.keySet());
    SourceTree tree = new SourceTree();
    for (ArchiveEntry e : entries.values()) {
      if (e.kind() == ArchiveEntry.Kind.FILE && e.path().startsWith(root) && e.path().length() > root.length()) {
        tree.put(e.path().substring(root.length()), new TreeFile(e.content(), e.executable()));
      }
    }
    for (Overlay overlay : overlays) {
      engine.applyInArchive(component, tree, overlay);
    }
    Map<String, ArchiveEntry> out = new LinkedHashMap<>();
    for (ArchiveEntry e : entries.values()) {
      if (e.kind() == ArchiveEntry.Kind.FILE && e.path().startsWith(root) && e.path().length() > root.length()) {
        var changed = tree.get(e.path().substring(root.length()));
        if (changed.isEmpty()) {
          continue; // removed by a file-remove overlay
        }
        byte[] content = changed.get().content();
        out.put(e.path(), Arrays.equals(content, e.content()) ? e : e.withContent(content));
      } else {
        out.put(e.path(), e);
      }
    }
    for (ArchiveEntry e : out.values()) {
      if (e.kind() == ArchiveEntry.Kind.HARDLINK && !out.containsKey(ArchiveReader.resolve("", e.linkTarget()).orElse(""))) {
        throw new ArchiveException("archive '" + archiveName + "': hard link '" + e.path() + "' points to '"
            + e.linkTarget() + "', which an overlay removed; remove the link too");
      }
    }
    try {
      return ArchiveWriter.write(contents.format(), out.values());
    } catch (IOException e) {
      throw new ArchiveException("cannot repack archive '" + archiveName + "': " + e.getMessage(), e);
    }
  }

  /** {@code "name/"} when every entry lies under one top-level directory, else {@code ""}. */
  static String extractionRoot(Set<String> paths) {
    Set<String> tops = new TreeSet<>();
    boolean nested = false;
    for (String p : paths) {
      int slash = p.indexOf('/');
      tops.add(slash < 0 ? p : p.substring(0, slash));
      nested |= slash >= 0;
    }
    // a lone top-level entry without children is a file or an empty directory: nothing to descend into
    return tops.size() == 1 && nested ? tops.iterator().next() + "/" : "";
  }
}
