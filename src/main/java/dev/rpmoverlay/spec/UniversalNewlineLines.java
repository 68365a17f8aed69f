package dev.rpmoverlay.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A spec's lines as Python's text mode reads them (universal newlines), which is how
 * rpmautospec-core sees a spec: besides the document's line ends ({@code \n}, {@code \r\n}), a lone
 * {@code \r} inside a line's text ends a line too. Lines come without terminators.
 *
 * @param lines the lines, unmodifiable
 * @param lastTerminated whether the last line had a terminator (Python then printed it with one)
 */
public record UniversalNewlineLines(List<String> lines, boolean lastTerminated) {

  /** The universal-newline lines of the current lines of {@code doc}. */
  public static UniversalNewlineLines of(SpecDocument doc) {
    List<SpecLine> specLines = doc.lines();
    List<String> out = new ArrayList<>(specLines.size());
    for (SpecLine line : specLines) {
      String text = line.text();
      int start = 0;
      for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', start)) {
        out.add(text.substring(start, cr));
        start = cr + 1;
      }
      // a text ending in \r already ended its last line; an empty rest is a line only when terminated
      if (start < text.length() || !line.terminator().isEmpty()) {
        out.add(start == 0 ? text : text.substring(start));
      }
    }
    SpecLine last = specLines.isEmpty() ? null : specLines.get(specLines.size() - 1);
    boolean lastTerminated = last != null && (!last.terminator().isEmpty() || last.text().endsWith("\r"));
    return new UniversalNewlineLines(Collections.unmodifiableList(out), lastTerminated);
  }
}
