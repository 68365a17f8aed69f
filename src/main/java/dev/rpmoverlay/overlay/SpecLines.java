package dev.rpmoverlay.overlay;

import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.spec.SpecLine;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec as azldev edits it, on top of the lossless {@link SpecDocument}: physical lines whose
 * provenance is the document's per-line stamp. Each stamp indexes this object's table of
 * {@link LineOrigin}s, so attribution costs one int per line.
 *
 * <p>Output follows azldev (docs/azldev-compatibility.md §3): every line is written followed by {@code \n},
 * so CRLF becomes LF and the file ends with exactly one newline. Within one overlay an inserted
 * string may contain {@code \n}; {@link #splitEmbeddedNewlines()} (called after every overlay, the
 * equivalent of azldev re-reading the file) turns it into separate lines for later overlays.
 */
public final class SpecLines {
  private final SpecDocument doc;
  private final List<LineOrigin> stamps;
  private final List<String> textView;

  private SpecLines(SpecDocument doc, List<LineOrigin> stamps) {
    this.doc = doc;
    this.stamps = stamps;
    this.textView = new AbstractList<>() {
      @Override
      public String get(int index) {
        return doc.line(index).text();
      }

      @Override
      public int size() {
        return doc.size();
      }
    };
  }

  /**
   * Parses spec bytes (UTF-8, or ISO-8859-1 when not valid UTF-8, so any bytes survive). The
   * document's structure is azldev's reading: every physical line classified on its own, a
   * header-looking line inside a {@code %define} body included ({@link
   * SpecDocument#useOpaqueMacroBodies} off).
   */
  public static SpecLines parse(byte[] bytes) {
    return of(SpecDocument.parse(bytes));
  }

  public static SpecLines parse(String content) {
    return of(SpecDocument.parse(content));
  }

  private static SpecLines of(SpecDocument doc) {
    doc.useOpaqueMacroBodies(false);
    return new SpecLines(doc, new ArrayList<>());
  }

  public SpecLines copy() {
    return new SpecLines(doc.copy(), new ArrayList<>(stamps));
  }

  /** The underlying lossless document (its lines carry the stamps). */
  public SpecDocument document() {
    return doc;
  }

  public int size() {
    return doc.size();
  }

  public String get(int i) {
    return doc.line(i).text();
  }

  /** Where line {@code i} came from. */
  public LineOrigin origin(int i) {
    SpecLine line = doc.line(i);
    return line.changedBy() == SpecLine.UNCHANGED ? new LineOrigin.Upstream(line.upstreamLine()) : stamps.get(line.changedBy());
  }

  /** The line texts (a live, read-only view). */
  public List<String> lines() {
    return textView;
  }

  /** The origin of every line, in order. */
  public List<LineOrigin> origins() {
    List<LineOrigin> out = new ArrayList<>(doc.size());
    for (int i = 0; i < doc.size(); i++) {
      out.add(origin(i));
    }
    return out;
  }

  private int stamp(LineOrigin origin) {
    int last = stamps.size() - 1;
    if (last >= 0 && stamps.get(last).equals(origin)) {
      return last;
    }
    stamps.add(origin);
    return stamps.size() - 1;
  }

  public void set(int i, String line, LineOrigin origin) {
    doc.replaceLine(i, line, stamp(origin));
  }

  /**
   * Inserts {@code lines} before line {@code at}; the document's structure is moved along rather
   * than scanned again when the lines cannot change how the spec reads (tag lines, for example).
   */
  public void insert(int at, List<String> lines, LineOrigin origin) {
    doc.insertLines(at, lines, stamp(origin));
  }

  public void remove(int i) {
    doc.removeLines(i, i + 1);
  }

  /** Removes lines {@code [from, to)}. */
  public void removeRange(int from, int to) {
    doc.removeLines(from, to);
  }

  /** Turns every line that contains {@code \n} into separate lines with the same origin. */
  public void splitEmbeddedNewlines() {
    doc.splitEmbeddedNewlines();
  }

  /** The spec text as azldev writes it: every line followed by {@code \n}. */
  public String render() {
    int length = 0;
    for (SpecLine line : doc.lines()) {
      length += line.text().length() + 1;
    }
    // sized once: grown from 16 chars by doubling, a full render allocated 0.3 GB here (JFR)
    StringBuilder sb = new StringBuilder(length);
    for (SpecLine line : doc.lines()) {
      sb.append(line.text()).append('\n');
    }
    return sb.toString();
  }

  /**
   * The rendered bytes, in the input's encoding; in an ISO-8859-1 spec, a line an overlay gave
   * characters beyond Latin-1 is written as UTF-8.
   */
  public byte[] toBytes() {
    return doc.toBytesWithNewlines();
  }
}
