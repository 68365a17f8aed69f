package dev.rpmoverlay.release.macro;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands rpm macro syntax against a {@link MacroTable}: {@code %name}, {@code %{name}},
 * {@code %{?name}}, {@code %{!?name:text}}, {@code %{name args}}, parametric macros with getopt
 * options, the colon built-ins and {@code %[expression]}. Anything that needs a real rpm
 * (shell, Lua, undefined macros, which rpm would leave unexpanded) raises {@link Undetermined}.
 */
public final class MacroExpander {
  private static final int MAX_DEPTH = 64;

  private MacroExpander() {}

  public static String expand(String text, MacroTable table) throws Undetermined {
    return expand(text, table, 0);
  }

  static String expand(String text, MacroTable table, int depth) throws Undetermined {
    if (depth > MAX_DEPTH) {
      throw new Undetermined("macro expansion nests too deeply (recursive definition?)");
    }
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c != '%' || i + 1 >= n) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '%') {
        out.append('%');
        i += 2;
      } else if (next == '{') {
        int close = matching(text, i + 1, '{', '}');
        if (close < 0) {
          throw new Undetermined("unterminated %{ in: " + text.strip());
        }
        out.append(expandBraced(text.substring(i + 2, close), table, depth));
        i = close + 1;
      } else if (next == '(') {
        throw new Undetermined("shell expansion %(...) needs a real rpm");
      } else if (next == '[') {
        int close = matching(text, i + 1, '[', ']');
        if (close < 0) {
          throw new Undetermined("unterminated %[ in: " + text.strip());
        }
        String expr = expand(text.substring(i + 2, close), table, depth + 1);
        out.append(ExpressionEvaluator.evaluate(expr).render());
        i = close + 1;
      } else if (isNameStart(next) || next == '-' || next == '*' || next == '#' || Character.isDigit(next)) {
        int end = nameEnd(text, i + 1);
        String name = text.substring(i + 1, end);
        if (name.equals("*") && end < n && text.charAt(end) == '*') {
          name = "**";
          end++;
        }
        var def = table.lookup(name);
        if (def.isPresent() && def.get() instanceof MacroDefinition.Body b && b.parametric()) {
          int eol = text.indexOf('\n', end);
          if (eol < 0) {
            eol = n;
          }
          out.append(call(name, b, text.substring(end, eol), table, depth));
          i = eol;
        } else {
          out.append(expandName(name, def.orElse(null), "%" + name, table, depth));
          i = end;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String expandBraced(String inner, MacroTable table, int depth) throws Undetermined {
    int p = 0;
    boolean test = false;
    boolean negate = false;
    while (p < inner.length() && (inner.charAt(p) == '?' || inner.charAt(p) == '!')) {
      if (inner.charAt(p) == '?') {
        test = true;
      } else {
        negate = !negate;
      }
      p++;
    }
    int nameEnd = p;
    while (nameEnd < inner.length() && isBracedNameChar(inner.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = inner.substring(p, nameEnd);
    String rest = inner.substring(nameEnd);
    if (name.isEmpty()) {
      throw new Undetermined("cannot expand %{" + inner + "}");
    }
    var def = table.lookup(name);
    if (def.isPresent() && def.get() instanceof MacroDefinition.Unknown u) {
      throw new Undetermined(u.reason());
    }
    if (test) {
      boolean defined = def.isPresent();
      String conditional = rest.startsWith(":") ? rest.substring(1) : null;
      if (negate) {
        return !defined && conditional != null ? expand(conditional, table, depth + 1) : "";
      }
      if (!defined) {
        return "";
      }
      if (conditional != null) {
        return expand(conditional, table, depth + 1);
      }
      // %{?name} of a defined macro: its plain expansion.
    }
    if (def.isPresent() && def.get() instanceof MacroDefinition.Builtin builtin) {
      String arg = rest.startsWith(":") || rest.startsWith(" ") ? rest.substring(1) : rest;
      if (builtin.name().equals("lua")) {
        throw new Undetermined("%{lua:...} needs a real rpm");
      }
      String expandedArg = expand(arg, table, depth + 1);
      if (builtin.name().equals("expand")) {
        // %{expand:...} expands its argument, then expands the result once more.
        return expand(expandedArg, table, depth + 1);
      }
      return Builtins.apply(builtin.name(), expandedArg);
    }
    if (def.isPresent() && def.get() instanceof MacroDefinition.Body b && b.parametric()) {
      String args = rest.isEmpty() ? "" : rest.substring(1);
      return call(name, b, args, table, depth);
    }
    return expandName(name, def.orElse(null), "%{" + inner + "}", table, depth);
  }

  private static String expandName(
      String name, MacroDefinition def, String written, MacroTable table, int depth)
      throws Undetermined {
    if (def == null) {
      throw new Undetermined("macro " + written + " is not defined in the spec");
    }
    if (def instanceof MacroDefinition.Unknown u) {
      throw new Undetermined(u.reason());
    }
    if (def instanceof MacroDefinition.Builtin b) {
      return Builtins.apply(b.name(), "");
    }
    MacroDefinition.Body b = (MacroDefinition.Body) def;
    return b.parametric() ? call(name, b, "", table, depth) : expand(b.body(), table, depth + 1);
  }

  /** Calls a parametric macro: getopt over its expanded arguments, then its body in a new scope. */
  private static String call(String name, MacroDefinition.Body macro, String rawArgs, MacroTable table, int depth)
      throws Undetermined {
    List<String> args = splitArgs(expand(rawArgs, table, depth + 1));
    MacroTable scope = table.child();
    String opts = macro.options();
    List<String> seen = new ArrayList<>();
    int a = 0;
    while (a < args.size() && args.get(a).startsWith("-") && args.get(a).length() > 1) {
      String arg = args.get(a++);
      if (arg.equals("--")) {
        break;
      }
      for (int k = 1; k < arg.length(); k++) {
        char opt = arg.charAt(k);
        int at = opts.indexOf(opt);
        if (at < 0 || opt == ':') {
          throw new Undetermined("unknown option -" + opt + " in %" + name + "(" + opts + ")");
        }
        String flag = "-" + opt;
        seen.add(flag);
        scope.define(flag, MacroDefinition.Body.plain(escape(flag)));
        if (at + 1 < opts.length() && opts.charAt(at + 1) == ':') {
          String value;
          if (k + 1 < arg.length()) {
            value = arg.substring(k + 1);
          } else if (a < args.size()) {
            value = args.get(a++);
          } else {
            throw new Undetermined("option -" + opt + " of %" + name + " needs a value");
          }
          scope.define(flag, MacroDefinition.Body.plain(escape(flag + " " + value)));
          scope.define(flag + "*", MacroDefinition.Body.plain(escape(value)));
          break;
        }
      }
    }
    List<String> positional = args.subList(a, args.size());
    scope.define("0", MacroDefinition.Body.plain(escape(name)));
    scope.define("*", MacroDefinition.Body.plain(escape(String.join(" ", positional))));
    scope.define("**", MacroDefinition.Body.plain(escape(String.join(" ", args))));
    scope.define("#", MacroDefinition.Body.plain(Integer.toString(positional.size())));
    for (int k = 0; k < positional.size(); k++) {
      scope.define(Integer.toString(k + 1), MacroDefinition.Body.plain(escape(positional.get(k))));
    }
    return expand(macro.body(), scope, depth + 1);
  }

  private static String escape(String literal) {
    return literal.replace("%", "%%");
  }

  private static List<String> splitArgs(String args) {
    List<String> out = new ArrayList<>();
    for (String part : args.strip().split("[ \\t]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  /** Index of the bracket closing the one at {@code open}, counting nesting; -1 if none. */
  static int matching(String text, int open, char opening, char closing) {
    int depth = 0;
    for (int k = open; k < text.length(); k++) {
      char ch = text.charAt(k);
      if (ch == '\\' && k + 1 < text.length()) {
        k++;
      } else if (ch == opening) {
        depth++;
      } else if (ch == closing && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static int nameEnd(String text, int start) {
    char first = text.charAt(start);
    if (first == '-') {
      int end = start + 1;
      if (end < text.length() && isNameChar(text.charAt(end))) {
        end++;
        if (end < text.length() && text.charAt(end) == '*') {
          end++;
        }
      }
      return end;
    }
    if (first == '*' || first == '#') {
      return start + 1;
    }
    if (Character.isDigit(first)) {
      int end = start;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      return end;
    }
    int end = start;
    while (end < text.length() && isNameChar(text.charAt(end))) {
      end++;
    }
    return end;
  }

  static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean isBracedNameChar(char c) {
    return isNameChar(c) || c == '-' || c == '*' || c == '#';
  }
}
