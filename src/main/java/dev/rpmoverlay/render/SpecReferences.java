package dev.rpmoverlay.render;

import dev.rpmoverlay.spec.SectionHeader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level file names a rendered spec refers to: {@code SourceN}/{@code PatchN} values,
 * {@code %sourcelist}/{@code %patchlist} entries, {@code %include} arguments and
 * {@code %{load:...}} paths. A Source/Patch value contributes the name rpm gives it
 * ({@link #rpmSourceName}); an included or loaded path its first component (absolute and
 * {@code ..} paths nothing). Every value a macro can take counts ({@link SimpleMacroExpander}).
 * {@link #resolved()} is false when some name still needs a macro this class cannot expand; the
 * file filter then keeps everything, as azldev does when spectool leaves {@code %{} in a name.
 */
record SpecReferences(SortedMap<String, Origin> origins, boolean resolved) {
  /**
   * Why a name is kept, for reports that compare with rpm (which evaluates conditionals and so may
   * not name it): the strongest reason wins when a name comes from several places.
   */
  enum Origin {
    /** A reference outside any conditional, with one value. */
    PLAIN,
    /** Inside {@code %if}/{@code %elif}/{@code %else}. */
    CONDITIONAL,
    /** Inside {@code %ifarch}/{@code %ifnarch}/{@code %ifos}/{@code %ifnos}. */
    ARCH_BRANCH,
    /** One of several values a macro can take (conditional definitions). */
    MACRO_VALUES
  }

  /** The names, sorted. */
  Set<String> names() {
    return origins.keySet();
  }

  // rpm's findPreambleTag: the tag word, blanks, an optional number (blanks may come before it:
  // "Patch 0:" is a Patch tag), blanks, then the colon.
  private static final Pattern SOURCE_TAG = Pattern.compile("^\\s*(?:source|patch)\\s*\\d*\\s*:\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern INCLUDE = Pattern.compile("^\\s*%include\\s+(\\S+)");
  // A Source/Patch tag written inside a string of a %{lua:} block (bash.spec prints
  // 'Patch%u: bash-%s-patch-%u.patch' in a loop): names this reader cannot know.
  private static final Pattern LUA_PRINTED_TAG = Pattern.compile("['\"\\[]\\s*(?:source|patch)[^'\"\\]]*:", Pattern.CASE_INSENSITIVE);

  static SpecReferences of(List<String> lines) {
    return of(lines, name -> Optional.empty());
  }

  /**
   * Scans the spec and, recursively, the files it {@code %include}s that {@code files} can supply
   * (their Source/Patch tags count as the spec's, as they do for rpm).
   */
  static SpecReferences of(List<String> specLines, Function<String, Optional<List<String>>> files) {
    List<String> lines = new ArrayList<>(specLines);
    Set<String> included = new HashSet<>();
    boolean grew = true;
    SimpleMacroExpander macros = null;
    while (grew) {
      grew = false;
      macros = new SimpleMacroExpander(lines);
      for (String line : List.copyOf(lines)) {
        if (!line.contains("%include")) {
          continue;
        }
        Matcher inc = INCLUDE.matcher(line);
        if (!line.startsWith("#") && inc.find()) {
          for (String expanded : macros.expandAll(inc.group(1))) {
            Optional<String> name = fileName(expanded);
            if (name.isPresent() && included.add(name.get())) {
            Optional<List<String>> content = files.apply(name.get());
              if (content.isPresent()) {
                lines.addAll(content.get());
                grew = true;
              }
            }
          }
        }
      }
    }
    // The last round added nothing, so its macro table is the one for these lines: building it
    // again was a quarter of the file filter's time on the full distro.
    return scan(lines, macros);
  }

  private static SpecReferences scan(List<String> lines, SimpleMacroExpander macros) {
    SortedMap<String, Origin> names = new TreeMap<>();
    boolean resolved = true;
    String listSection = null;
    Deque<Origin> conditionals = new ArrayDeque<>();
    int luaDepth = 0;
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      int lua = line.indexOf("%{lua:");
      if (lua >= 0 || luaDepth > 0) {
        if (LUA_PRINTED_TAG.matcher(line).find()) {
          resolved = false; // rpm reads tags the lua code prints; keep every file, as for any unexpandable name
        }
        luaDepth += braceBalance(line, Math.max(lua, 0));
        luaDepth = Math.max(luaDepth, 0);
      }
      trackConditionals(line, conditionals);
      Optional<String> keyword = sectionKeyword(line);
      if (keyword.isPresent()) {
        listSection = keyword.get().equals("%sourcelist") || keyword.get().equals("%patchlist") ? keyword.get() : null;
        continue;
      }
      for (Reference ref : referencesOn(line, listSection != null)) {
        List<String> values = macros.expandAll(ref.text());
        Origin origin = values.size() > 1 ? Origin.MACRO_VALUES : conditionals.isEmpty() ? Origin.PLAIN : conditionals.peek();
        for (String expanded : values) {
          Optional<String> name = ref.sourceOrPatch() ? rpmSourceName(expanded) : fileName(expanded);
          if (name.isEmpty()) {
            continue;
          }
          if (SimpleMacroExpander.isResolved(name.get())) {
            names.merge(name.get().replace("%%", "%"), origin, (a, b) -> a.compareTo(b) <= 0 ? a : b);
          } else {
            resolved = false;
          }
        }
      }
    }
    return new SpecReferences(names, resolved);
  }

  private static void trackConditionals(String line, Deque<Origin> open) {
    int at = LineStart.textStart(line);
    if (!line.startsWith("%if", at) && !line.startsWith("%endif", at)) {
      return;
    }
    String word = line.substring(at).split("[ \t(]", 2)[0];
    switch (word) {
      case "%if" -> open.push(Origin.CONDITIONAL);
      case "%ifarch", "%ifnarch", "%ifos", "%ifnos" -> open.push(Origin.ARCH_BRANCH);
      case "%endif" -> open.poll();
      default -> { }
    }
  }

  /**
   * The section keyword (lower case) that starts {@code line}, if any. Only a line whose first
   * non-blank character is {@code %} can start a section: checking that first keeps the scan from
   * copying and lower-casing a token of every line, which profiles of the full distro showed.
   */
  private static Optional<String> sectionKeyword(String line) {
    int start = 0;
    while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    if (start == line.length() || line.charAt(start) != '%') {
      return Optional.empty();
    }
    String trimmed = line.strip();
    int end = 0;
    while (end < trimmed.length() && " \t\n\u000B\f\r".indexOf(trimmed.charAt(end)) < 0) {
      end++;
    }
    String first = trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    return SectionHeader.isKeyword(first, SectionHeader.Keywords.AZLDEV) ? Optional.of(first) : Optional.empty();
  }

  /** A name as written: a Source/Patch value (named by rpm's rule) or a path (%include, %{load:}). */
  private record Reference(String text, boolean sourceOrPatch) {}

  private static List<Reference> referencesOn(String line, boolean inList) {
    if (inList) {
      String trimmed = line.strip();
      return trimmed.isEmpty() ? List.of() : List.of(new Reference(trimmed, true));
    }
    int start = LineStart.textStart(line);
    Optional<String> body = conditionalExpansionBody(line, start);
    if (body.isPresent()) {
      // %{?cond:Source0: value} and %{!?cond:...}: rpm reads the tag when the condition holds;
      // the filter keeps it either way, as it keeps both branches of an %if
      Matcher tag = SOURCE_TAG.matcher(body.get());
      if (tag.matches()) {
        return List.of(new Reference(tag.group(1), true));
      }
    }
    if (LineStart.wordAt(line, start, "source", "patch")) {
      Matcher tag = SOURCE_TAG.matcher(line);
      if (tag.matches()) {
        return List.of(new Reference(tag.group(1), true));
      }
    } else if (line.startsWith("%include", start)) {
      Matcher inc = INCLUDE.matcher(line);
      if (inc.find()) {
        return List.of(new Reference(inc.group(1), false));
      }
    }
    if (line.contains("%{load:")) {
      List<Reference> out = new ArrayList<>();
      int at = 0;
      while ((at = line.indexOf("%{load:", at)) >= 0) {
        int close = closingBrace(line, at + 1);
        if (close < 0) {
          break;
        }
        out.add(new Reference(line.substring(at + 7, close), false));
        at = close;
      }
      return out;
    }
    return List.of();
  }

  /** The text after the first {@code :} of a {@code %{?name:...}} or {@code %{!?name:...}} that starts the line and spans it. */
  private static Optional<String> conditionalExpansionBody(String line, int start) {
    if (!line.startsWith("%{?", start) && !line.startsWith("%{!?", start)) {
      return Optional.empty();
    }
    int close = closingBrace(line, start + 1);
    int colon = line.indexOf(':', start);
    if (close < 0 || colon < 0 || colon > close || !line.substring(close + 1).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(line.substring(colon + 1, close));
  }

  /** {@code {} minus {@code }} from {@code from} on: how many braces the line leaves open. */
  private static int braceBalance(String line, int from) {
    int depth = 0;
    for (int i = from; i < line.length(); i++) {
      if (line.charAt(i) == '{') {
        depth++;
      } else if (line.charAt(i) == '}') {
        depth--;
      }
    }
    return depth;
  }

  private static int closingBrace(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '{') {
        depth++;
      } else if (s.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The file rpm looks for in the sources dir for a Source/Patch value (or a %sourcelist /
   * %patchlist entry), by rpm's addSource rule: the text after the last {@code /} of the whole
   * value, fragment and query included (so {@code ...#./K.asc} names {@code K.asc} and
   * {@code ...#/x.tar.gz} names {@code x.tar.gz}), then after the last {@code =} in that text
   * ({@code download?file=x.tar.gz} names {@code x.tar.gz}). A value with no {@code /} is the
   * name as it stands. {@code %{_sourcedir}/} in front changes nothing.
   */
  static Optional<String> rpmSourceName(String expanded) {
    String v = expanded.strip();
    // A macro left unexpanded (a %(shell) or %{lua:}) may hide or add a '/' or '=': when the
    // name would start inside one, give the whole value back, unresolved, so every file is kept.
    int macroEnd = endOfLastMacro(v);
    int slash = v.lastIndexOf('/');
    if (slash >= 0) {
      if (slash < macroEnd) {
        return Optional.of(v);
      }
      v = v.substring(slash + 1);
      macroEnd = Math.max(0, macroEnd - slash - 1);
      int eq = v.lastIndexOf('=');
      if (eq >= 0) {
        if (eq < macroEnd) {
          return Optional.of(v);
        }
        v = v.substring(eq + 1);
      }
    }
    if (v.startsWith(SimpleMacroExpander.SOURCEDIR)) {
      v = v.substring(SimpleMacroExpander.SOURCEDIR.length());
    }
    return v.isEmpty() || v.equals(".") || v.equals("..") ? Optional.empty() : Optional.of(v);
  }

  /** The index just past the last macro construct ({@code %x}, {@code %{..}}, {@code %(..)}, {@code %[..]}) in {@code v}, or 0. */
  private static int endOfLastMacro(String v) {
    int end = 0;
    int i = v.indexOf('%');
    while (i >= 0 && i + 1 < v.length()) {
      char n = v.charAt(i + 1);
      int next;
      if (n == '%') {
        next = i + 2;
      } else {
        int close = switch (n) {
          case '{' -> closing(v, i + 1, '{', '}');
          case '(' -> closing(v, i + 1, '(', ')');
          case '[' -> closing(v, i + 1, '[', ']');
          default -> {
            int j = i + 1;
            while (j < v.length() && (Character.isLetterOrDigit(v.charAt(j)) || v.charAt(j) == '_')) {
              j++;
            }
            yield j - 1;
          }
        };
        next = close < 0 ? v.length() : close + 1;
        end = next;
      }
      i = next < v.length() ? v.indexOf('%', next) : -1;
    }
    return end;
  }

  private static int closing(String s, int open, char o, char c) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == o) {
        depth++;
      } else if (s.charAt(i) == c && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The top-level entry a path reference names, if it names one inside the sources dir. */
  static Optional<String> fileName(String expanded) {
    String v = expanded.strip();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    int sd = v.lastIndexOf(SimpleMacroExpander.SOURCEDIR);
    if (sd >= 0) {
      v = v.substring(sd + SimpleMacroExpander.SOURCEDIR.length());
      while (v.startsWith("/")) {
        v = v.substring(1);
      }
    }
    if (v.contains("://")) {
      int hash = v.indexOf("#/");
      if (hash >= 0) {
        return baseName(v.substring(hash + 2));
      }
      int q = v.indexOf('#');
      String path = q >= 0 ? v.substring(0, q) : v;
      return baseName(path);
    }
    if (v.startsWith("/")) {
      return Optional.empty();
    }
    String firstComponent = v.split("/", 2)[0];
    if (firstComponent.equals("..") || firstComponent.equals(".") || firstComponent.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(firstComponent);
  }

  private static Optional<String> baseName(String path) {
    int slash = path.lastIndexOf('/');
    String name = slash >= 0 ? path.substring(slash + 1) : path;
    return name.isEmpty() || name.equals("..") ? Optional.empty() : Optional.of(name);
  }
}
