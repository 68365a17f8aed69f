package dev.rpmoverlay.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads, without running the TOML grammar over it, the one shape of config file that dominates a
 * distro's load: a list of components with nothing but their names, {@code [components.NAME]} one
 * per line (Azure Linux 4's {@code comps/components.toml}: 7,382 such headers, 214 KB, which the
 * general parser took 0.4–0.5 s of CPU to read on every command, for {@code show} of one component
 * as much as for {@code render -a}).
 *
 * <p>The text splits at the first line that is such a header. What comes before it (the prelude,
 * e.g. {@code includes = [...]} and comments) goes through the TOML parser as usual. From there on,
 * every line must be blank, a comment, or a header {@code [components.NAME]} starting in column 1
 * with NAME a bare key (letters, digits, {@code _}, {@code -}) or a quoted one ({@code 'dbus-c++'},
 * {@code "a.b"}: printable ASCII, no escapes), each name once. Anything else (a key, a dotted name,
 * an indented header, a repeated name, a control character, a lone CR) and the file is parsed whole by the TOML parser, so errors and their positions stay the
 * parser's own. When the prelude parses cleanly, the parser ended outside any string, array or
 * table value, so the headers after it can only mean "an empty table named NAME under
 * {@code components}": that is what this class builds, with the positions the parser gives (the
 * header's line, column 1; {@code components} itself at its first header). ComponentListTextTest
 * compares the result with the parser's, key by key and position by position.
 */
final class ComponentListText {
  private static final String HEADER = "[components.";

  private ComponentListText() {}

  /** The file's root table, or empty when the text is not of this shape (parse it whole then). */
  static Optional<TomlTable> read(String text) {
    int first = firstHeaderLine(text);
    if (first < 0) {
      return Optional.empty();
    }
    Map<String, TomlPosition> names = new LinkedHashMap<>();
    int line = lineNumberAt(text, first);
    int start = first;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? n : end + 1;
      if (end < 0) {
        end = n;
      } else if (end > start && text.charAt(end - 1) == '\r') {
        end--; // CRLF
      }
      if (!blankOrComment(text, start, end)) {
        String name = headerName(text, start, end);
        if (name == null || names.putIfAbsent(name, TomlPosition.positionAt(line, 1)) != null) {
          return Optional.empty();
        }
      }
      line++;
      start = next;
    }
    TomlParseResult prelude = Toml.parse(text.substring(0, first), TomlFile.OPTIONS);
    if (prelude.hasErrors() || prelude.contains(List.of("components"))) {
      return Optional.empty();
    }
    Map<String, Object> components = new LinkedHashMap<>();
    names.keySet().forEach(name -> components.put(name, TomlValues.EMPTY));
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, TomlPosition> rootAt = new LinkedHashMap<>();
    for (String key : prelude.keySet()) {
      root.put(key, prelude.get(List.of(key)));
      rootAt.put(key, prelude.inputPositionOf(List.of(key)));
    }
    root.put("components", new ListedTable(components, names));
    rootAt.put("components", names.values().iterator().next());
    return Optional.of(new ListedTable(root, rootAt));
  }

  /** Offset of the first line that is a {@code [components.NAME]} header, or -1. */
  private static int firstHeaderLine(String text) {
    int at = text.startsWith(HEADER) ? 0 : text.indexOf("\n" + HEADER);
    while (at >= 0) {
      int start = text.charAt(at) == '\n' ? at + 1 : at;
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      } else if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      if (headerName(text, start, end) != null) {
        return start;
      }
      at = text.indexOf("\n" + HEADER, start);
    }
    return -1;
  }

  private static int lineNumberAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** NAME of a line {@code [components.NAME]} (optionally followed by blanks and a comment), else null. */
  private static String headerName(String text, int start, int end) {
    if (!text.startsWith(HEADER, start)) {
      return null;
    }
    int i = start + HEADER.length();
    char quote = i < end && (text.charAt(i) == '\'' || text.charAt(i) == '"') ? text.charAt(i) : 0;
    int nameStart = quote == 0 ? i : i + 1;
    i = nameStart;
    while (i < end && (quote == 0 ? bareKeyChar(text.charAt(i)) : quotedKeyChar(text.charAt(i), quote))) {
      i++;
    }
    int nameEnd = i;
    if (quote != 0) {
      if (i >= end || text.charAt(i) != quote) {
        return null;
      }
      i++;
    }
    if (nameEnd == nameStart || i >= end || text.charAt(i) != ']') {
      return null;
    }
    String name = text.substring(nameStart, nameEnd);
    return blankOrComment(text, i + 1, end) ? name : null;
  }

  /** A character that stands for itself in a quoted key: printable ASCII, no quote, no escape. */
  private static boolean quotedKeyChar(char c, char quote) {
    return c >= 0x20 && c < 0x7f && c != quote && c != '\\';
  }

  private static boolean bareKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  /** Blanks, then optionally a comment of characters TOML allows in one (no control characters, no lone surrogates). */
  private static boolean blankOrComment(String text, int start, int end) {
    int i = start;
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i == end) {
      return true;
    }
    if (text.charAt(i) != '#') {
      return false;
    }
    for (i++; i < end; i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }
}
