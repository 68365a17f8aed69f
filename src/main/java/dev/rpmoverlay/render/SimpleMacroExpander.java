package dev.rpmoverlay.render;

import dev.rpmoverlay.spec.Brackets;
import dev.rpmoverlay.spec.Conditionals;
import dev.rpmoverlay.spec.MacroDefinition;
import dev.rpmoverlay.spec.SpecStructure;
import dev.rpmoverlay.spec.TagLine;
import dev.rpmoverlay.spec.TagRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Expands the macros a spec defines for itself, enough to name the files it references: single-line
 * {@code %global}/{@code %define}, the {@code Name}/{@code Version}/{@code Release}/{@code Epoch}
 * tags (all as the spec model reads them), {@code %{SOURCEn}}/{@code %{PATCHn}}, and {@code %{?x}}, {@code %{!?x:..}},
 * {@code %{?x:..}} forms. A macro it cannot resolve is left in the text as written, so callers can
 * tell ({@link #isResolved}).
 *
 * <p>Conditionals are not evaluated, so a macro can have several values: every definition counts,
 * and {@link #expandAll} gives every value a text can take (the file filter keeps them all, since
 * keeping a file rpm does not name is harmless and dropping one it needs breaks the build). A macro
 * defined only inside {@code %if}/{@code %ifarch} blocks may also be undefined, which matters to
 * {@code %{?x}} forms. Too many combinations leave the text unresolved.
 */
final class SimpleMacroExpander {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NUMBERED_FILE_TAG = Pattern.compile("(?:source|patch)\\d+");
  private static final int MAX_DEPTH = 20;
  private static final int MAX_ALTERNATIVES = 64;

  /** What {@code %{_sourcedir}} expands to, so callers can strip it from paths. */
  static final String SOURCEDIR = "\u0000sourcedir\u0000";

  private final Map<String, List<String>> macros = new HashMap<>();
  /**
   * {@link #expandAll(String, int)} results by depth, then text: a macro whose value names itself
   * ({@code %global x %{x}-%{?y}}, as ruby.spec has) branches at every level down to
   * {@link #MAX_DEPTH}, which without this took ruby.spec alone 26 s. The result depends only on
   * the text and the depth, so remembering it changes nothing but the time.
   */
  @SuppressWarnings("unchecked")
  private final Map<String, List<String>>[] expanded = new Map[MAX_DEPTH + 1];
  /** Macros defined at least once outside any conditional block: they are always defined. */
  private final Set<String> unconditional = new HashSet<>();

  /**
   * The macros of {@code parts} (a spec read by {@link TagRules#RPM}, then the files it includes):
   * their one-line definitions and their tags, in line order.
   */
  SimpleMacroExpander(List<SpecStructure> parts) {
    define("_sourcedir", SOURCEDIR, true);
    define("_specdir", SOURCEDIR, true);
    for (SpecStructure part : parts) {
      List<MacroDefinition> definitions = part.macros();
      List<TagLine> tags = part.tags();
      int d = 0;
      int t = 0;
      while (d < definitions.size() || t < tags.size()) {
        if (t == tags.size() || (d < definitions.size() && definitions.get(d).line() < tags.get(t).line())) {
          definition(definitions.get(d++), part.conditionals());
        } else {
          tag(tags.get(t++), part.conditionals());
        }
      }
    }
  }

  private void definition(MacroDefinition m, Conditionals conditionals) {
    String body = m.body().strip();
    // a body over several lines (or a parametric macro) is no file name
    if (m.end() - m.line() != 1 || m.options() != null || body.endsWith("\\") || !IDENTIFIER.matcher(m.name()).matches()) {
      return;
    }
    // %global expands its body once when defined, so its %% is a live % when used
    // (%global v %%(echo ...) runs the shell at each use); %define keeps the body as written.
    define(m.name(), m.isGlobal() ? body.replace("%%", "%") : body, conditionals.enclosing(m.line()) == null);
  }

  private void tag(TagLine tag, Conditionals conditionals) {
    String name = rpmTagName(tag);
    boolean always = conditionals.enclosing(tag.line()) == null;
    if (name.equals("name") || name.equals("version") || name.equals("release") || name.equals("epoch")) {
      define(name, tag.value(), always);
    } else if (NUMBERED_FILE_TAG.matcher(name).matches()) {
      define(name.toUpperCase(Locale.ROOT), tag.value(), always);
    }
  }

  /** A tag's name as rpm compares it: lower case, without the blanks {@link TagRules#RPM} allows in it. */
  static String rpmTagName(TagLine tag) {
    String name = tag.name().toLowerCase(Locale.ROOT);
    return name.indexOf(' ') < 0 && name.indexOf('\t') < 0 ? name : name.replaceAll("\\s", "");
  }

  private void define(String name, String value, boolean always) {
    List<String> values = macros.computeIfAbsent(name, k -> new ArrayList<>(1));
    if (!values.contains(value)) {
      values.add(value);
    }
    if (always) {
      unconditional.add(name);
    }
  }

  /** Every text {@code text} can expand to, in a stable order; unresolvable macros stay as written. */
  List<String> expandAll(String text) {
    return expandAll(text, 0);
  }

  /** Whether {@code text} has no macro left (a literal {@code %%} counts as resolved). */
  static boolean isResolved(String text) {
    return !text.replace("%%", "").contains("%");
  }

  private List<String> expandAll(String text, int depth) {
    if (depth > MAX_DEPTH || text.indexOf('%') < 0) {
      return List.of(text);
    }
    if (expanded[depth] == null) {
      expanded[depth] = new HashMap<>();
    }
    List<String> known = expanded[depth].get(text);
    if (known == null) {
      known = expandUncached(text, depth);
      expanded[depth].put(text, known);
    }
    return known;
  }

  private List<String> expandUncached(String text, int depth) {
    List<StringBuilder> outs = new ArrayList<>(List.of(new StringBuilder()));
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%' || i + 1 >= text.length()) {
        append(outs, String.valueOf(c));
        i++;
        continue;
      }
      char n = text.charAt(i + 1);
      List<String> piece;
      if (n == '%') {
        piece = List.of("%%");
        i += 2;
      } else if (n == '{') {
        int close = Brackets.closing(text, i + 1, '{', '}');
        if (close < 0) {
          append(outs, text.substring(i));
          break;
        }
        piece = expandBraced(text.substring(i + 2, close), text.substring(i, close + 1), depth);
        i = close + 1;
      } else if (Character.isLetter(n) || n == '_') {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        List<String> values = macros.get(text.substring(i + 1, j));
        piece = values == null ? List.of(text.substring(i, j)) : expandEach(values, depth);
        i = j;
      } else {
        piece = List.of(String.valueOf(c));
        i++;
      }
      outs = combine(outs, piece);
      if (outs.size() > MAX_ALTERNATIVES) {
        return List.of(text); // unresolved: the caller keeps every file
      }
    }
    Set<String> distinct = new LinkedHashSet<>();
    outs.forEach(sb -> distinct.add(sb.toString()));
    return List.copyOf(distinct);
  }

  private List<String> expandEach(List<String> values, int depth) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      out.addAll(expandAll(v, depth + 1));
    }
    return List.copyOf(out);
  }

  private static void append(List<StringBuilder> outs, String s) {
    outs.forEach(sb -> sb.append(s));
  }

  private static List<StringBuilder> combine(List<StringBuilder> outs, List<String> piece) {
    if (piece.size() == 1) {
      append(outs, piece.get(0));
      return outs;
    }
    List<StringBuilder> next = new ArrayList<>(outs.size() * piece.size());
    for (StringBuilder sb : outs) {
      for (String p : piece) {
        next.add(new StringBuilder(sb).append(p));
      }
    }
    return next;
  }

  private List<String> expandBraced(String body, String original, int depth) {
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
        return List.of(original); // a built-in such as %{load:...} or %{basename:...}
      }
      List<String> values = macros.get(name);
      return values == null ? List.of(original) : expandEach(values, depth);
    }
    boolean mayBeDefined = macros.containsKey(name);
    boolean mayBeUndefined = !unconditional.contains(name);
    if (!mayBeDefined && !knownUndefined(name)) {
      return List.of(original);
    }
    Set<String> out = new LinkedHashSet<>();
    if (mayBeDefined) {
      out.addAll(whenDefined(name, alt, negated, depth));
    }
    if (mayBeUndefined) {
      out.addAll(negated && alt != null ? expandAll(alt, depth + 1) : List.of(""));
    }
    return List.copyOf(out);
  }

  private List<String> whenDefined(String name, String alt, boolean negated, int depth) {
    if (negated) {
      return List.of("");
    }
    return alt == null ? expandEach(macros.get(name), depth) : expandAll(alt, depth + 1);
  }

  /** Macros that are normally undefined in a Fedora-like build root, so {@code %{?x}} is empty. */
  private static boolean knownUndefined(String name) {
    return name.equals("rhel") || name.equals("el8") || name.equals("el9") || name.equals("el10") || name.equals("suse_version");
  }
}
