package dev.rpmoverlay.review;

import dev.rpmoverlay.release.macro.MacroDefinition;
import dev.rpmoverlay.release.macro.MacroExpander;
import dev.rpmoverlay.release.macro.MacroTable;
import dev.rpmoverlay.release.macro.Undetermined;
import dev.rpmoverlay.spec.Section;
import dev.rpmoverlay.spec.SpecDocument;
import dev.rpmoverlay.spec.SpecStructure;
import dev.rpmoverlay.spec.TagLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code query} tells about a spec: name, epoch, version, release, the binary packages, and
 * the dependencies its tags declare, read from the {@link SpecDocument} model.
 *
 * <p>Values are macro-expanded with {@link MacroExpander} against the spec's own {@code %global} and
 * {@code %define}s and the macros its preamble tags create ({@code %{name}}, {@code %{version}},
 * ...), taken in file order. Optional forms of macros the spec does not define ({@code %{?dist}})
 * expand to nothing, as in an rpm without the distro's macro files. A value that needs anything
 * else (a system macro such as {@code %{_bindir}} is known, but {@code %autorelease}, shell, Lua or
 * an undefined macro are not) is shown as written. Conditionals are not evaluated: when a tag is
 * set in several branches of an {@code %if}, the last one in the file counts, and dependencies of
 * every branch are listed.
 *
 * @param name the main package's Name
 * @param epoch the Epoch, or "" when the spec has none
 * @param version the Version
 * @param release the Release
 * @param packages every binary package: the main one first, then one per {@code %package}
 * @param buildRequires the BuildRequires entries, one per dependency, in file order
 */
public record SpecFacts(String name, String epoch, String version, String release, List<Package> packages, List<String> buildRequires) {

  /** One binary package and the Requires entries of its tags (Requires(post) and the like included). */
  public record Package(String name, List<String> requires) {}

  /** What {@code %{_sourcedir}} stands for: a query reads no source files. */
  private static final String SOURCE_DIR = "%{_sourcedir}";

  public static SpecFacts of(SpecDocument document) {
    SpecStructure structure = document.structure();
    MacroTable macros = MacroTable.rpmautospecDefaults(SOURCE_DIR);
    // rpmautospec's flag-printing stand-ins are no values: left unexpanded, the tag shows as written
    macros.undefine("autorelease");
    Map<String, String> expandedTags = new LinkedHashMap<>();
    List<Object> events = new ArrayList<>();
    events.addAll(structure.macros());
    events.addAll(structure.tags());
    events.sort(java.util.Comparator.comparingInt(SpecFacts::line));
    List<String> buildRequires = new ArrayList<>();
    Map<String, List<String>> requires = new LinkedHashMap<>();
    for (Object event : events) {
      if (event instanceof dev.rpmoverlay.spec.MacroDefinition d) {
        define(macros, d);
      } else if (event instanceof TagLine t && t.hasRpmTagName()) {
        String value = expand(t.value(), macros);
        String lower = t.name().toLowerCase(Locale.ROOT);
        if (lower.equals("buildrequires")) {
          buildRequires.addAll(DependencyList.split(value));
        } else if (lower.equals("requires") || lower.startsWith("requires(")) {
          requires.computeIfAbsent(t.pkg(), k -> new ArrayList<>()).addAll(DependencyList.split(value));
        } else if (structure.sections().get(t.section()).isPreamble()) {
          // rpm turns each preamble tag into a macro of its lower-cased name: %{name}, %{version}, ...
          expandedTags.put(lower, value);
          macros.define(lower, MacroDefinition.Body.plain(value.replace("%", "%%")));
        }
      }
    }
    String name = expandedTags.getOrDefault("name", "");
    List<Package> packages = new ArrayList<>();
    packages.add(new Package(name, List.copyOf(requires.getOrDefault("", List.of()))));
    for (Section s : structure.subPackages()) {
      if (s.pkg().isMain()) {
        continue;
      }
      packages.add(new Package(expand(s.pkg().fullName(name), macros), List.copyOf(requires.getOrDefault(s.packageName(), List.of()))));
    }
    return new SpecFacts(name, expandedTags.getOrDefault("epoch", ""), expandedTags.getOrDefault("version", ""),
        expandedTags.getOrDefault("release", ""), List.copyOf(packages), List.copyOf(buildRequires));
  }

  /** {@code [epoch:]version-release}, as rpm prints an EVR. */
  public String evr() {
    return (epoch.isEmpty() ? "" : epoch + ":") + version + "-" + release;
  }

  private static int line(Object event) {
    return event instanceof TagLine t ? t.line() : ((dev.rpmoverlay.spec.MacroDefinition) event).line();
  }

  private static void define(MacroTable macros, dev.rpmoverlay.spec.MacroDefinition d) {
    String body = d.body().strip();
    if (!d.isGlobal() || d.options() != null) {
      macros.define(d.name(), new MacroDefinition.Body(body, d.options()));
      return;
    }
    try {
      // %global expands its body once, where it is defined
      macros.define(d.name(), MacroDefinition.Body.plain(MacroExpander.expand(body, macros).replace("%", "%%")));
    } catch (Undetermined e) {
      macros.define(d.name(), new MacroDefinition.Unknown("%" + d.name() + ": " + e.reason()));
    }
  }

  private static String expand(String text, MacroTable macros) {
    try {
      return MacroExpander.expand(text, macros).strip();
    } catch (Undetermined e) {
      return text;
    }
  }
}
