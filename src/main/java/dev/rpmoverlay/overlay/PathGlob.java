package dev.rpmoverlay.overlay;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A doublestar (v4) glob over {@code /}-separated relative paths, as azldev uses for file
 * overlays: {@code *} and {@code ?} stay within one path segment, {@code **} as a whole segment
 * matches zero or more segments, {@code [...]} (with {@code !} or {@code ^} negation), and
 * {@code {a,b}} alternatives. A backslash escapes only a meta character; before anything else it is
 * a literal backslash (so {@code run-vmblock\x2dfuse.mount} names a file with a backslash in it).
 * Dot files are matched like any other name.
 */
public final class PathGlob {
  private static final String META = "*?[]{}\\,";

  private final String glob;
  private final Pattern regex;

  private PathGlob(String glob, Pattern regex) {
    this.glob = glob;
    this.regex = regex;
  }

  /** Compiles {@code glob}; throws {@link IllegalArgumentException} when it is malformed. */
  public static PathGlob compile(String glob) {
    try {
      return new PathGlob(glob, Pattern.compile(new Translator(glob).translate(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid glob '" + glob + "': " + e.getDescription());
    }
  }

  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  public String glob() {
    return glob;
  }

  /** Whether the glob has no unescaped meta character (it names one path literally). */
  public boolean isLiteral() {
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length() && META.indexOf(glob.charAt(i + 1)) >= 0) {
        i++;
      } else if ("*?[{".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return glob;
  }

  private static final class Translator {
    private final String g;
    private int pos;

    Translator(String g) {
      this.g = g;
    }

    String translate() {
      StringBuilder out = new StringBuilder();
      translateUntil(out, false);
      if (pos < g.length()) {
        throw new IllegalArgumentException("invalid glob '" + g + "': unexpected '" + g.charAt(pos) + "'");
      }
      return out.toString();
    }

    /** Translates until the end, or (inside braces) until an unescaped {@code ,} or {@code }}. */
    private void translateUntil(StringBuilder out, boolean inBraces) {
      while (pos < g.length()) {
        char c = g.charAt(pos);
        if (inBraces && (c == ',' || c == '}')) {
          return;
        }
        if (c == '*' && pos + 1 < g.length() && g.charAt(pos + 1) == '*' && atSegmentStart() && segmentEndsAfter(pos + 2)) {
          pos += 2;
          if (pos < g.length() && g.charAt(pos) == '/') {
            pos++;
            out.append("(?:[^/]*/)*"); // zero or more whole segments
          } else {
            out.append(".*"); // trailing "**": everything below
          }
        } else if (c == '*') {
          while (pos < g.length() && g.charAt(pos) == '*') {
            pos++;
          }
          out.append("[^/]*");
        } else if (c == '?') {
          pos++;
          out.append("[^/]");
        } else if (c == '[') {
          translateClass(out);
        } else if (c == '{') {
          pos++;
          out.append("(?:");
          while (true) {
            translateUntil(out, true);
            if (pos >= g.length()) {
              throw new IllegalArgumentException("invalid glob '" + g + "': unclosed '{'");
            }
            char end = g.charAt(pos++);
            if (end == '}') {
              break;
            }
            out.append('|');
          }
          out.append(')');
        } else if (c == '\\' && pos + 1 < g.length() && META.indexOf(g.charAt(pos + 1)) >= 0) {
          out.append(Pattern.quote(String.valueOf(g.charAt(pos + 1))));
          pos += 2;
        } else {
          out.append(Pattern.quote(String.valueOf(c)));
          pos++;
        }
      }
    }

    private boolean atSegmentStart() {
      return pos == 0 || g.charAt(pos - 1) == '/' || g.charAt(pos - 1) == '{' || g.charAt(pos - 1) == ',';
    }

    private boolean segmentEndsAfter(int i) {
      return i >= g.length() || g.charAt(i) == '/' || g.charAt(i) == '}' || g.charAt(i) == ',';
    }

    private void translateClass(StringBuilder out) {
      int start = pos;
      pos++;
      StringBuilder cls = new StringBuilder("[");
      if (pos < g.length() && (g.charAt(pos) == '!' || g.charAt(pos) == '^')) {
        cls.append('^');
        pos++;
      }
      boolean negated = cls.length() > 1;
      boolean first = true;
      while (pos < g.length() && (g.charAt(pos) != ']' || first)) {
        char c = g.charAt(pos);
        if (c == '\\' && pos + 1 < g.length()) {
          c = g.charAt(++pos);
        }
        if (c == '-' && !first && pos + 1 < g.length() && g.charAt(pos + 1) != ']') {
          cls.append('-');
        } else {
          cls.append(escapeClassChar(c));
        }
        first = false;
        pos++;
      }
      if (pos >= g.length()) {
        throw new IllegalArgumentException("invalid glob '" + g + "': unclosed '[' at " + (start + 1));
      }
      pos++;
      cls.append(negated ? "/]" : "]"); // a class never matches the separator
      out.append(cls);
    }

    private static String escapeClassChar(char c) {
      return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }
  }
}
