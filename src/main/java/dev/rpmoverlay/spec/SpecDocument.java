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
 * query recomputes it (one linear pass), except that an insert of lines that cannot change how the
 * rest reads (no header, conditional or macro definition, not inside a macro body) moves the
 * structure along by the size of the change ({@link StructureInsert}). Printing always comes from
 * the lines.
 */
public final class SpecDocument {
  private final ArrayList<SpecLine> lines;
  private final List<SpecLine> view;
  private final SpecEncoding encoding;
  private SpecStructure structure;
  private boolean embeddedNewlines;
  private QualifierRules qualifierRules = QualifierRules.HEAD;
  private boolean opaqueMacroBodies = true;
  private TagRules tagRules = TagRules.AZLDEV;
  /**
   * Whether every char fits one byte of the encoding (ASCII for UTF-8, Latin-1 for ISO-8859-1),
   * so printing can copy chars straight into bytes.
   */
  private boolean singleByte;

  private SpecDocument(ArrayList<SpecLine> lines, SpecEncoding encoding) {
    this.lines = lines;
    this.view = Collections.unmodifiableList(lines);
    this.encoding = encoding;
  }

  /** Parses spec bytes: UTF-8 when valid, otherwise ISO-8859-1, so any bytes round-trip. */
  public static SpecDocument parse(byte[] bytes) {
    boolean ascii = isAscii(bytes);
    ArrayList<SpecLine> lines = ascii ? splitBytes(bytes, SpecEncoding.ISO_8859_1) : splitBytes(bytes, SpecEncoding.UTF_8);
    SpecEncoding encoding = SpecEncoding.UTF_8;
    if (lines == null) {
      lines = splitBytes(bytes, SpecEncoding.ISO_8859_1);
      encoding = SpecEncoding.ISO_8859_1;
    }
    SpecDocument doc = new SpecDocument(lines, encoding);
    doc.singleByte = ascii || encoding == SpecEncoding.ISO_8859_1;
    return doc;
  }

  /** Parses spec text (printed back as UTF-8). */
  public static SpecDocument parse(String text) {
    SpecDocument doc = new SpecDocument(split(text, 1), SpecEncoding.UTF_8);
    doc.singleByte = fits(text, 0x7F);
    return doc;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits bytes into lines and decodes each line on its own (a {@code \n} byte never occurs
   * inside a UTF-8 sequence, so the file is valid UTF-8 exactly when every line is). Returns null
   * when decoding as UTF-8 and some line is not valid UTF-8.
   */
  private static ArrayList<SpecLine> splitBytes(byte[] bytes, SpecEncoding encoding) {
    ArrayList<SpecLine> out = new ArrayList<>(Math.max(16, bytes.length / 32));
    int n = bytes.length;
    int start = 0;
    int number = 1;
    while (start < n) {
      int nl = start;
      while (nl < n && bytes[nl] != '\n') {
        nl++;
      }
      String terminator;
      int end;
      if (nl == n) {
        terminator = SpecLine.NONE;
        end = n;
      } else if (nl > start && bytes[nl - 1] == '\r') {
        terminator = SpecLine.CRLF;
        end = nl - 1;
      } else {
        terminator = SpecLine.LF;
        end = nl;
      }
      String text = encoding.decodeLine(bytes, start, end - start);
      if (text == null) {
        return null;
      }
      out.add(new SpecLine(text, terminator, number, SpecLine.UNCHANGED));
      start = nl + 1;
      number++;
    }
    return out;
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
    return toBytes(null);
  }

  /**
   * The document's bytes with every line ended by {@code \n}, whatever its own terminator (none,
   * on a last line without one): the form render writes. Encoded line by line, like {@link
   * #toBytes()}: one line beyond Latin-1 does not widen the whole text to UTF-16, as a string
   * built of all lines would.
   */
  public byte[] toBytesWithNewlines() {
    return toBytes("\n");
  }

  @SuppressWarnings("deprecation")
  private byte[] toBytes(String forcedTerminator) {
    if (!singleByte) {
      return encoding.encode(lines, forcedTerminator);
    }
    int length = 0;
    for (SpecLine line : lines) {
      length += line.text().length() + SpecEncoding.terminator(line, forcedTerminator).length();
    }
    byte[] out = new byte[length];
    int pos = 0;
    for (SpecLine line : lines) {
      String text = line.text();
      text.getBytes(0, text.length(), out, pos);
      pos += text.length();
      String terminator = SpecEncoding.terminator(line, forcedTerminator);
      terminator.getBytes(0, terminator.length(), out, pos);
      pos += terminator.length();
    }
    return out;
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
      s = StructureScanner.scan(lines, encoding, qualifierRules, opaqueMacroBodies, tagRules);
      structure = s;
    }
    return s;
  }

  /**
   * Which azldev version's rules assign sections to packages (default {@link QualifierRules#HEAD}).
   * Changing it recomputes the structure.
   */
  public void useQualifierRules(QualifierRules rules) {
    if (rules != qualifierRules) {
      qualifierRules = Objects.requireNonNull(rules);
      structure = null;
    }
  }

  public QualifierRules qualifierRules() {
    return qualifierRules;
  }

  /**
   * Whether the later lines of a {@code %define}/{@code %global} and of a line-leading
   * <code>%{expand:...}</code>/<code>%{lua:...}</code> body are macro body text (default true), or
   * are classified line by line exactly as azldev does (false: a header-looking line inside a
   * {@code %define} template then starts a section). Changing it recomputes the structure.
   */
  public void useOpaqueMacroBodies(boolean opaque) {
    if (opaque != opaqueMacroBodies) {
      opaqueMacroBodies = opaque;
      structure = null;
    }
  }

  public boolean opaqueMacroBodies() {
    return opaqueMacroBodies;
  }

  /**
   * Whose rule finds the tags (default {@link TagRules#AZLDEV}); {@link TagRules#RPM} also
   * collects {@code %include} lines. Changing it recomputes the structure.
   */
  public void useTagRules(TagRules rules) {
    if (rules != tagRules) {
      tagRules = Objects.requireNonNull(rules);
      structure = null;
    }
  }

  public TagRules tagRules() {
    return tagRules;
  }

  /** An independent copy (same lines, same provenance). */
  public SpecDocument copy() {
    SpecDocument copy = new SpecDocument(new ArrayList<>(lines), encoding);
    copy.structure = structure;
    copy.embeddedNewlines = embeddedNewlines;
    copy.singleByte = singleByte;
    copy.qualifierRules = qualifierRules;
    copy.opaqueMacroBodies = opaqueMacroBodies;
    copy.tagRules = tagRules;
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
    SpecStructure before = structure;
    if (index == lines.size() && index > 0 && lines.get(index - 1).terminator().isEmpty()) {
      lines.set(index - 1, lines.get(index - 1).withTerminator(SpecLine.LF));
      int last = added.size() - 1;
      added.set(last, added.get(last).withTerminator(SpecLine.NONE));
      before = null; // the former last line's new newline can continue its logical line
    }
    lines.addAll(index, added);
    structure = before == null ? null : StructureInsert.after(before, this, index, added.size());
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
    if (singleByte && !fits(text, encoding == SpecEncoding.UTF_8 ? 0x7F : 0xFF)) {
      singleByte = false;
    }
  }

  private static boolean fits(String text, int max) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > max) {
        return false;
      }
    }
    return true;
  }
}
