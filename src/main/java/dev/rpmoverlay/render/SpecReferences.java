package dev.rpmoverlay.render;

import dev.rpmoverlay.spec.Brackets;
import dev.rpmoverlay.spec.ConditionalBlock;
import dev.rpmoverlay.spec.IncludeDirective;
import dev.rpmoverlay.spec.LineKind;
import dev.rpmoverlay.spec.Section;
import dev.rpmoverlay.spec.SectionType;
import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.spec.SpecStructure;
import dev.rpmoverlay.spec.TagLine;
import dev.rpmoverlay.spec.TagRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The top-level file names a rendered spec refers to: {@code SourceN}/{@code PatchN} values,
 * {@code %sourcelist}/{@code %patchlist} entries, {@code %include} arguments and
 * {@code %{load:...}} paths. The tags, sections, includes and conditionals are the spec model's
 * ({@link TagRules#RPM}: rpm's tag rule, so {@code Patch 0:} is a Patch tag). A Source/Patch
 * value contributes the name rpm gives it ({@link #rpmSourceName}); an included or loaded path
 * its first component (absolute and {@code ..} paths nothing). Every value a macro can take counts ({@link SimpleMacroExpander}).
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

  private static final Pattern FILE_TAG = Pattern.compile("(?:source|patch)\\d*");
  // A Source/Patch tag written inside a string of a %{lua:} block (bash.spec prints
  // 'Patch%u: bash-%s-patch-%u.patch' in a loop): names this reader cannot know.
  private static final Pattern LUA_PRINTED_TAG = Pattern.compile("['\"\\[]\\s*(?:source|patch)[^'\"\\]]*:", Pattern.CASE_INSENSITIVE);

  /**
   * Reads the spec and, recursively, the files it {@code %include}s that {@code files} can supply
   * (their Source/Patch tags count as the spec's, as they do for rpm), all by the spec model's
   * {@link TagRules#RPM} reading.
   */
  static SpecReferences of(SpecDocument spec, Function<String, Optional<SpecDocument>> files) {
    List<SpecDocument> parts = new ArrayList<>(List.of(rpmReading(spec)));
    Set<String> included = new HashSet<>();
    SimpleMacroExpander macros;
    boolean grew;
    do {
      grew = false;
      macros = new SimpleMacroExpander(parts.stream().map(SpecDocument::structure).toList());
      for (SpecDocument part : List.copyOf(parts)) {
        for (IncludeDirective include : part.structure().includes()) {
          for (String expanded : macros.expandAll(include.argument())) {
            Optional<String> name = fileName(expanded);
            Optional<SpecDocument> content = name.isPresent() && included.add(name.get()) ? files.apply(name.get()) : Optional.empty();
            content.ifPresent(c -> parts.add(rpmReading(c)));
            grew |= content.isPresent();
          }
        }
      }
    } while (grew);
    Scan scan = new Scan(macros);
    parts.forEach(scan::read);
    return new SpecReferences(scan.names, scan.resolved);
  }

  /** {@code spec} as rpm finds its tags and {@code %include}s (a copy: the caller's reading is left alone). */
  static SpecDocument rpmReading(SpecDocument spec) {
    SpecDocument copy = spec.copy();
    copy.useTagRules(TagRules.RPM);
    return copy;
  }

  /** Whether a tag names a file rpm looks for: {@code Source}, {@code Patch}, with or without a number. */
  static boolean isFileTag(TagLine tag) {
    return FILE_TAG.matcher(SimpleMacroExpander.rpmTagName(tag)).matches();
  }

  /** Collects the names of one spec's parts. */
  private static final class Scan {
    final SortedMap<String, Origin> names = new TreeMap<>();
    final SimpleMacroExpander macros;
    boolean resolved = true;

    Scan(SimpleMacroExpander macros) {
      this.macros = macros;
    }

    void read(SpecDocument part) {
      SpecStructure structure = part.structure();
      // lines whose reference is their tag, include or list entry, not a %{load:} in them
      boolean[] read = new boolean[structure.lineCount()];
      for (TagLine tag : structure.tags()) {
        if (isFileTag(tag)) {
          read[tag.line()] = true;
          add(tag.value(), true, structure, tag.line());
        }
      }
      for (IncludeDirective include : structure.includes()) {
        read[include.line()] = true;
        add(include.argument(), false, structure, include.line());
      }
      for (Section section : structure.sections()) {
        if (section.type() == SectionType.SOURCE_LIST) {
          for (int i = section.bodyStart(); i < section.end(); i++) {
            String entry = part.line(i).text().strip();
            if (structure.kind(i) == LineKind.OTHER && !entry.isEmpty()) {
              read[i] = true;
              add(entry, true, structure, i);
            }
          }
        }
      }
      boolean inLua = false;
      for (int i = 0; i < structure.lineCount(); i++) {
        LineKind kind = structure.kind(i);
        if (kind == LineKind.COMMENT) {
          continue;
        }
        String line = part.line(i).text();
        // a %{lua:} block runs on over the lines the model joins to the one that opens it
        inLua = line.contains("%{lua:") || (inLua && kind == LineKind.CONTINUATION);
        if (inLua && LUA_PRINTED_TAG.matcher(line).find()) {
          resolved = false; // rpm reads tags the lua code prints; keep every file, as for any unexpandable name
        }
        if (!read[i]) {
          loads(line, structure, i);
        }
      }
    }

    /** The {@code %{load:PATH}} references on a line. */
    private void loads(String line, SpecStructure structure, int i) {
      int at = 0;
      while ((at = line.indexOf("%{load:", at)) >= 0) {
        int close = Brackets.closing(line, at + 1, '{', '}');
        if (close < 0) {
          break;
        }
        add(line.substring(at + 7, close), false, structure, i);
        at = close;
      }
    }

    /** A name as written on line {@code i}: a Source/Patch value (named by rpm's rule) or a path (%include, %{load:}). */
    private void add(String text, boolean sourceOrPatch, SpecStructure structure, int i) {
      List<String> values = macros.expandAll(text);
      ConditionalBlock block = structure.conditionals().enclosing(i);
      Origin origin = values.size() > 1 ? Origin.MACRO_VALUES
          : block == null ? Origin.PLAIN : block.keyword().equalsIgnoreCase("%if") ? Origin.CONDITIONAL : Origin.ARCH_BRANCH;
      for (String expanded : values) {
        Optional<String> name = sourceOrPatch ? rpmSourceName(expanded) : fileName(expanded);
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
          case '{' -> Brackets.closing(v, i + 1, '{', '}');
          case '(' -> Brackets.closing(v, i + 1, '(', ')');
          case '[' -> Brackets.closing(v, i + 1, '[', ']');
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
