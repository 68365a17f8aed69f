package dev.rpmoverlay.review;

import java.util.List;
import java.util.Map;

/**
 * A text file as upstream had it and as rendered, with the origin of every rendered line and the
 * cause that removed each upstream line that is gone.
 *
 * @param upstream upstream's lines, without terminators
 * @param rendered the rendered lines, without terminators
 * @param sources one entry per rendered line
 * @param removedBy 1-based upstream line number to the cause that removed or replaced it; lines
 *     missing here but gone from the output are attributed to the edits next to them
 */
record AttributedText(List<String> upstream, List<String> rendered, List<LineSource> sources, Map<Integer, Cause> removedBy) {

  public AttributedText {
    upstream = List.copyOf(upstream);
    rendered = List.copyOf(rendered);
    sources = List.copyOf(sources);
    removedBy = Map.copyOf(removedBy);
    if (sources.size() != rendered.size()) {
      throw new IllegalArgumentException("one source per rendered line: " + sources.size() + " != " + rendered.size());
    }
  }
}
