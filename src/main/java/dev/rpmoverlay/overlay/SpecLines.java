package dev.rpmoverlay.overlay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The spec as azldev edits it: a list of physical lines, each with its {@link LineOrigin}. Reading
 * drops one trailing {@code \r} per line (CRLF becomes LF, as Go's line scanner does); writing emits
 * every line followed by {@code \n}, so the output ends with exactly one newline. Lines that are
 * not edited print back unchanged.
 *
 * <p>Within one overlay an inserted string may contain {@code \n}; {@link #splitEmbeddedNewlines()}
 * (called after every overlay, the equivalent of azldev re-reading the file) turns it into separate
 * lines for later overlays.
 */
public final class SpecLines {
  private final ArrayList<String> text;
  private final ArrayList<LineOrigin> origins;
  private final boolean utf8;

  private SpecLines(ArrayList<String> text, ArrayList<LineOrigin> origins, boolean utf8) {
    this.text = text;
    this.origins = origins;
    this.utf8 = utf8;
  }

  /** Parses spec bytes (UTF-8, or bytes passed through as ISO-8859-1 when not valid UTF-8). */
  public static SpecLines parse(byte[] bytes) {
    ByteText decoded = ByteText.decode(bytes);
    return parse(decoded.text(), decoded.utf8());
  }

  public static SpecLines parse(String content) {
    return parse(content, true);
  }

  private static SpecLines parse(String content, boolean utf8) {
    ArrayList<String> lines = new ArrayList<>();
    int start = 0;
    while (start < content.length()) {
      int nl = content.indexOf('\n', start);
      int end = nl < 0 ? content.length() : nl;
      String line = content.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      lines.add(line);
      start = end + 1;
    }
    ArrayList<LineOrigin> origins = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      origins.add(new LineOrigin.Upstream(i + 1));
    }
    return new SpecLines(lines, origins, utf8);
  }

  public SpecLines copy() {
    return new SpecLines(new ArrayList<>(text), new ArrayList<>(origins), utf8);
  }

  public int size() {
    return text.size();
  }

  public String get(int i) {
    return text.get(i);
  }

  public LineOrigin origin(int i) {
    return origins.get(i);
  }

  public List<String> lines() {
    return Collections.unmodifiableList(text);
  }

  public List<LineOrigin> origins() {
    return Collections.unmodifiableList(origins);
  }

  public void set(int i, String line, LineOrigin origin) {
    text.set(i, line);
    origins.set(i, origin);
  }

  public void insert(int at, List<String> lines, LineOrigin origin) {
    text.addAll(at, lines);
    origins.addAll(at, Collections.nCopies(lines.size(), origin));
  }

  public void remove(int i) {
    text.remove(i);
    origins.remove(i);
  }

  /** Removes lines {@code [from, to)}. */
  public void removeRange(int from, int to) {
    text.subList(from, to).clear();
    origins.subList(from, to).clear();
  }

  /** Turns every line that contains {@code \n} into separate lines with the same origin. */
  public void splitEmbeddedNewlines() {
    for (int i = text.size() - 1; i >= 0; i--) {
      String line = text.get(i);
      if (line.indexOf('\n') >= 0) {
        String[] parts = line.split("\n", -1);
        LineOrigin origin = origins.get(i);
        text.remove(i);
        origins.remove(i);
        List<String> split = List.of(parts);
        text.addAll(i, split);
        origins.addAll(i, Collections.nCopies(split.size(), origin));
      }
    }
  }

  /** The spec text: every line followed by {@code \n}. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (String line : text) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  public byte[] toBytes() {
    return render().getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }
}
