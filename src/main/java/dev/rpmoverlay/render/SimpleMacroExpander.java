package dev.rpmoverlay.render;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the macros a spec defines for itself, enough to name the files it references: single-line
 * {@code %global}/{@code %define}, the {@code Name}/{@code Version}/{@code Release}/{@code Epoch}
 * tags, {@code %{SOURCEn}}/{@code %{PATCHn}}, and {@code %{?x}}, {@code %{!?x:..}},
 * {@code %{?x:..}} forms. A macro it cannot resolve is left in the text as written, so callers can
 * tell ({@link #isResolved}). Conditionals are not evaluated: the last definition wins.
 */
final class SimpleMacroExpander {
  private static final Pattern DEFINE = Pattern.compile("^\\s*%(?:global|define)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+(.*?)\\s*$");
  private static final Pattern TAG = Pattern.compile("^\\s*(Name|Version|Release|Epoch|Source\\d*|Patch\\d*)\\s*:\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final int MAX_DEPTH = 20;

  /** What {@code %{_sourcedir}} expands to, so callers can strip it from paths. */
  static final String SOURCEDIR = "\u0000sourcedir\u0000";

  private final Map<String, String> macros = new HashMap<>();

  SimpleMacroExpander(List<String> lines) {
    macros.put("_sourcedir", SOURCEDIR);
    macros.put("_specdir", SOURCEDIR);
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      // Run the patterns only on lines they could match: running them on every line dominated this loop.
      int at = LineStart.textStart(line);
      if (at < line.length() && line.charAt(at) == '%') {
        if (line.startsWith("global", at + 1) || line.startsWith("define", at + 1)) {
          Matcher d = DEFINE.matcher(line);
          if (d.matches() && !d.group(2).endsWith("\\")) {
            macros.put(d.group(1), d.group(2));
          }
        }
        continue; // TAG needs a letter first
      }
      if (!LineStart.wordAt(line, at, "name", "version", "release", "epoch", "source", "patch")) {
        continue;
      }
      Matcher t = TAG.matcher(line);
      if (t.matches()) {
        String tag = t.group(1).toLowerCase(Locale.ROOT);
        if (tag.startsWith("source") || tag.startsWith("patch")) {
          String upper = tag.toUpperCase(Locale.ROOT);
          if (!upper.equals("SOURCE") && !upper.equals("PATCH")) {
            macros.put(upper, t.group(2));
          }
        } else {
          macros.put(tag, t.group(2));
        }
      }
    }
  }

  String expand(String text) {
    return expand(text, 0);
  }

  /** Whether {@code text} has no macro left (a literal {@code %%} counts as resolved). */
  static boolean isResolved(String text) {
    return !text.replace("%%", "").contains("%");
  }

  private String expand(String text, int depth) {
    if (depth > MAX_DEPTH || text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char n = text.charAt(i + 1);
      if (n == '%') {
        out.append("%%");
        i += 2;
      } else if (n == '{') {
        int close = matchingBrace(text, i + 1);
        if (close < 0) {
          out.append(text.substring(i));
          break;
        }
        out.append(expandBraced(text.substring(i + 2, close), text.substring(i, close + 1), depth));
        i = close + 1;
      } else if (Character.isLetter(n) || n == '_') {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        String name = text.substring(i + 1, j);
        String value = macros.get(name);
        out.append(value == null ? text.substring(i, j) : expand(value, depth + 1));
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String expandBraced(String body, String original, int depth) {
    boolean conditional = false;
    boolean negated = false;
    int p = 0;
    while (p < body.length() && (body.charAt(p) == '?' || body.charAt(p) == '!')) {
      if (body.charAt(p) == '?') {
        conditional = true;
      } else {
        negated = true;
      }
      p++;
    }
    String rest = body.substring(p);
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    String alt = colon < 0 ? null : rest.substring(colon + 1);
    if (!conditional) {
      if (name.equals("S") && alt != null) {
        name = "SOURCE" + alt;
      } else if (name.equals("P") && alt != null) {
        name = "PATCH" + alt;
      } else if (alt != null) {
        return original; // a built-in such as %{load:...} or %{basename:...}
      }
      String value = macros.get(name);
      return value == null ? original : expand(value, depth + 1);
    }
    boolean defined = macros.containsKey(name);
    if (!defined && !knownUndefined(name)) {
      return original;
    }
    if (alt == null) {
      return negated || !defined ? "" : expand(macros.get(name), depth + 1);
    }
    return (defined != negated) ? expand(alt, depth + 1) : "";
  }

  /** Macros that are normally undefined in a Fedora-like build root, so {@code %{?x}} is empty. */
  private static boolean knownUndefined(String name) {
    return name.equals("rhel") || name.equals("el8") || name.equals("el9") || name.equals("el10") || name.equals("suse_version");
  }

  private static int matchingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      if (text.charAt(i) == '{') {
        depth++;
      } else if (text.charAt(i) == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }
}
