package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.SectionKeywords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level file names a rendered spec refers to: {@code SourceN}/{@code PatchN} values,
 * {@code %sourcelist}/{@code %patchlist} entries, {@code %include} arguments and
 * {@code %{load:...}} paths. A URL contributes its base name, or the base name of a {@code #/name}
 * fragment; a relative path its first component; absolute and {@code ..} paths nothing.
 * {@link #resolved()} is false when some name still needs a macro this class cannot expand; the
 * file filter then keeps everything, as azldev does when spectool leaves {@code %{} in a name.
 */
record SpecReferences(Set<String> names, boolean resolved) {
  private static final Pattern SOURCE_TAG = Pattern.compile("^\\s*(?:source|patch)\\d*\\s*:\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern INCLUDE = Pattern.compile("^\\s*%include\\s+(\\S+)");

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
          Optional<String> name = fileName(macros.expand(inc.group(1)));
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
    // The last round added nothing, so its macro table is the one for these lines: building it
    // again was a quarter of the file filter's time on the full distro.
    return scan(lines, macros);
  }

  private static SpecReferences scan(List<String> lines, SimpleMacroExpander macros) {
    Set<String> names = new TreeSet<>();
    boolean resolved = true;
    String listSection = null;
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      Optional<String> keyword = sectionKeyword(line);
      if (keyword.isPresent()) {
        listSection = keyword.get().equals("%sourcelist") || keyword.get().equals("%patchlist") ? keyword.get() : null;
        continue;
      }
      for (String ref : referencesOn(line, listSection != null)) {
        Optional<String> name = fileName(macros.expand(ref));
        if (name.isEmpty()) {
          continue;
        }
        if (SimpleMacroExpander.isResolved(name.get())) {
          names.add(name.get().replace("%%", "%"));
        } else {
          resolved = false;
        }
      }
    }
    return new SpecReferences(names, resolved);
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
    return SectionKeywords.isSectionKeyword(first) ? Optional.of(first) : Optional.empty();
  }

  private static List<String> referencesOn(String line, boolean inList) {
    if (inList) {
      String trimmed = line.strip();
      return trimmed.isEmpty() ? List.of() : List.of(trimmed);
    }
    int start = LineStart.textStart(line);
    if (LineStart.wordAt(line, start, "source", "patch")) {
      Matcher tag = SOURCE_TAG.matcher(line);
      if (tag.matches()) {
        return List.of(tag.group(1));
      }
    } else if (line.startsWith("%include", start)) {
      Matcher inc = INCLUDE.matcher(line);
      if (inc.find()) {
        return List.of(inc.group(1));
      }
    }
    if (line.contains("%{load:")) {
      java.util.ArrayList<String> out = new java.util.ArrayList<>();
      int at = 0;
      while ((at = line.indexOf("%{load:", at)) >= 0) {
        int close = closingBrace(line, at + 1);
        if (close < 0) {
          break;
        }
        out.add(line.substring(at + 7, close));
        at = close;
      }
      return out;
    }
    return List.of();
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

  /** The top-level entry a reference names, if it names one inside the sources dir. */
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
