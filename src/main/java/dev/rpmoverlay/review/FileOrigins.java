package dev.rpmoverlay.review;

import java.util.List;
import java.util.Map;

/**
 * Where the lines of one rendered text file came from.
 *
 * @param lines the file's lines as the origins describe them; used only if they are the rendered
 *     file's lines (a later step may have rewritten the file)
 * @param sources one per line
 * @param removedBy 1-based upstream line number to the cause that removed or replaced it
 */
record FileOrigins(List<String> lines, List<LineSource> sources, Map<Integer, Cause> removedBy) {

  public FileOrigins {
    lines = List.copyOf(lines);
    sources = List.copyOf(sources);
    removedBy = Map.copyOf(removedBy);
    if (lines.size() != sources.size()) {
      throw new IllegalArgumentException("one source per line: " + sources.size() + " != " + lines.size());
    }
  }
}
