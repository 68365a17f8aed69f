package dev.rpmoverlay.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A lossless RPM spec: a mutable list of {@link SpecLine}s that prints back byte for byte when
 * unchanged, plus a lazily computed {@link SpecStructure} (sections, tags, conditionals, ...).
 *
 * <p>Total: parsing never fails, whatever the bytes. Edits invalidate the structure; the next
 * query recomputes it (one linear pass). Printing always comes from the lines.
 */
public final class SpecDocument {
  private final ArrayList<SpecLine> lines;
  private final List<SpecLine> view;
  private final SpecEncoding encoding;
  private SpecStructure structure;
  private boolean embeddedNewlines;

  private SpecDocument(ArrayList<SpecLine> lines, SpecEncoding encoding) {
    this.lines = lines;
    this.view = Collections.unmodifiableList(lines);
    this.encoding = encoding;
  }

  /** Parses spec bytes: UTF-8 when valid, otherwise ISO-8859-1, so any bytes round-trip. */
  public static SpecDocument parse(byte[] bytes) {
    SpecEncoding.Decoded decoded = SpecEncoding.decode(bytes);
    return new SpecDocument(split(decoded.text(), 1), decoded.encoding());
  }

  /** Parses spec text (printed back as UTF-8). */
  public static SpecDocument parse(String text) {
    return new SpecDocument(split(text, 1), SpecEncoding.UTF_8);
  }

  /**
   * Splits text into lines. Only {@code \n} ends a line; a {@code \r} right before it belongs to
   * the terminator. Numbers lines from {@code firstNumber}, or marks all as inserted when it is 0.
   */
  private static ArrayList<SpecLine> split(String text, int firstNumber) {
    ArrayList<SpecLine> out = new ArrayList<>(Math.max(16, text.length() / 32));
    int n = text.length();
    int start = 0;
    int number = firstNumber;
    while (start < n) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        out.add(new SpecLine(text.substring(start), SpecLine.NONE, number, SpecLine.UNCHANGED));
        break;
      }
      if (nl > start && text.charAt(nl - 1) == '\r') {
        out.add(new SpecLine(text.substring(start, nl - 1), SpecLine.CRLF, number, SpecLine.UNCHANGED));
      } else {
        out.add(new SpecLine(text.substring(start, nl), SpecLine.LF, number, SpecLine.UNCHANGED));
      }
      start = nl + 1;
      number += firstNumber == 0 ? 0 : 1;
    }
    return out;
  }

  public SpecEncoding encoding() {
    return encoding;
  }

  /** The lines, read-only; edit through this class. */
  public List<SpecLine> lines() {
    return view;
  }

  public SpecLine line(int index) {
    return lines.get(index);
  }

  public int size() {
    return lines.size();
  }

  /** The document's bytes: unchanged input comes back byte for byte. */
  public byte[] toBytes() {
    return encoding.encode(lines);
  }

  /** The document's text. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (SpecLine line : lines) {
      sb.append(line.text()).append(line.terminator());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return text();
  }

  /** The structure of the current lines, computed on first use after an edit. */
  public SpecStructure structure() {
    SpecStructure s = structure;
    if (s == null) {
      s = StructureScanner.scan(lines, encoding);
      structure = s;
    }
    return s;
  }

  /** An independent copy (same lines, same provenance). */
  public SpecDocument copy() {
    SpecDocument copy = new SpecDocument(new ArrayList<>(lines), encoding);
    copy.structure = structure;
    copy.embeddedNewlines = embeddedNewlines;
    return copy;
  }

  // ---- edits -------------------------------------------------------------------------------

  /**
   * Inserts lines before line {@code index} ({@code size()} appends). New lines end with
   * {@code \n}; when appending after a last line without newline, that line gets one and the last
   * inserted line takes its place as the line without newline, so the file keeps its ending.
   *
   * <p>A text containing {@code \n} stays one line (as azldev treats a multi-line overlay string
   * within one overlay) until {@link #splitEmbeddedNewlines()}.
   */
  public void insertLines(int index, List<String> texts, int stamp) {
    Objects.checkIndex(index, lines.size() + 1);
    if (texts.isEmpty()) {
      return;
    }
    List<SpecLine> added = new ArrayList<>(texts.size());
    for (String text : texts) {
      noteText(text);
      added.add(SpecLine.inserted(text, stamp));
    }
    if (index == lines.size() && index > 0 && lines.get(index - 1).terminator().isEmpty()) {
      lines.set(index - 1, lines.get(index - 1).withTerminator(SpecLine.LF));
      int last = added.size() - 1;
      added.set(last, added.get(last).withTerminator(SpecLine.NONE));
    }
    lines.addAll(index, added);
    structure = null;
  }

  /** Removes lines {@code [from, to)}. */
  public void removeLines(int from, int to) {
    Objects.checkFromToIndex(from, to, lines.size());
    if (from == to) {
      return;
    }
    lines.subList(from, to).clear();
    structure = null;
  }

  /** Replaces the text of line {@code index}, keeping its terminator and origin. */
  public void replaceLine(int index, String text, int stamp) {
    noteText(text);
    lines.set(index, lines.get(index).withText(text, stamp));
    structure = null;
  }

  /** Sets a tag's value, keeping the line's layout (indent, name, alignment, trailing space). */
  public void replaceTagValue(TagLine tag, String value, int stamp) {
    replaceLine(tag.line(), tag.withValue(value), stamp);
  }

  /** Rewrites a tag line in azldev's form {@code "<name>: <value>"} (alignment is lost, as in azldev). */
  public void rewriteTag(TagLine tag, String name, String value, int stamp) {
    replaceLine(tag.line(), TagLine.format(name, value), stamp);
  }

  /**
   * Splits lines whose text contains {@code \n} (from multi-line inserts or replacements) into
   * separate lines, as azldev's re-read between overlays does. The first part keeps the line's
   * origin, later parts count as inserted; all keep its stamp. Returns whether anything changed.
   */
  public boolean splitEmbeddedNewlines() {
    if (!embeddedNewlines) {
      return false;
    }
    embeddedNewlines = false;
    boolean changed = false;
    ArrayList<SpecLine> out = new ArrayList<>(lines.size() + 16);
    for (SpecLine line : lines) {
      if (line.text().indexOf('\n') < 0) {
        out.add(line);
        continue;
      }
      changed = true;
      ArrayList<SpecLine> parts = split(line.text() + line.terminator(), 0);
      for (int k = 0; k < parts.size(); k++) {
        SpecLine p = parts.get(k);
        out.add(new SpecLine(p.text(), p.terminator(), k == 0 ? line.upstreamLine() : 0, line.changedBy()));
      }
    }
    if (changed) {
      lines.clear();
      lines.addAll(out);
      structure = null;
    }
    return changed;
  }

  private void noteText(String text) {
    if (text.indexOf('\n') >= 0) {
      embeddedNewlines = true;
    }
  }
}
