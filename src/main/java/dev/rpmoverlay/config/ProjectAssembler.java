package dev.rpmoverlay.config;

import static dev.rpmoverlay.config.TomlValues.bool;
import static dev.rpmoverlay.config.TomlValues.str;
import static dev.rpmoverlay.config.TomlValues.strings;
import static dev.rpmoverlay.config.TomlValues.table;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Merges config files, in load order, into one project (docs/azldev-compatibility.md §1.3): {@code project}
 * field by field (a later non-empty value wins), distros field by field with versions replaced
 * per key, components and groups as a strict union, the top-level default-component-config with
 * append semantics. Each file is schema-checked and validated as it is added.
 */
final class ProjectAssembler {
  private static final Set<String> UNION_SECTIONS = Set.of("images", "package-groups", "test-suites", "tests", "test-groups");
  private static final Set<String> MERGED_SECTIONS = Set.of("default-package-config", "tools", "resources");

  private final Path projectDir;
  private final Problems problems;
  private final LoadReads reads;

  private final Map<String, String> projectFields = new LinkedHashMap<>();
  private UpstreamLimits upstreamLimits = UpstreamLimits.UNSET;
  private DistroRef defaultDistro = DistroRef.NONE;
  private final Map<String, Distro> distros = new TreeMap<>();
  private final Map<String, ComponentGroup> groups = new TreeMap<>();
  private final Map<String, SourcePosition> groupMembersAt = new TreeMap<>();
  private final Map<String, DeclaredComponent> components = new TreeMap<>();
  private ComponentLayer defaults = ComponentLayer.EMPTY;
  private final Map<String, Object> extras = new TreeMap<>();
  private final Map<String, SourcePosition> extrasAt = new TreeMap<>();

  ProjectAssembler(Path projectDir, Problems problems, LoadReads reads) {
    this.projectDir = projectDir;
    this.problems = problems;
    this.reads = reads;
  }

  void add(TomlFile file) {
    new SchemaChecker(file, problems).check();
    TomlTable root = file.root();
    ComponentRules rules = new ComponentRules(file, projectDir, problems, reads);
    addProject(file, table(root, "project"), rules);
    addDistros(file, table(root, "distros"), rules);
    addGroups(file, table(root, "component-groups"), rules);
    addComponents(file, table(root, "components"), rules);
    TomlValues.optTable(root, "default-component-config").ifPresent(t -> {
      rules.check(t, file.at(root, "default-component-config"), Context.component("(project default-component-config)"), false);
      defaults = defaults.mergedWith(ComponentReader.read(file, t));
    });
    addExtras(file, root);
  }

  private void addProject(TomlFile file, TomlTable t, ComponentRules rules) {
    for (String key : List.of("description", "default-author-email")) {
      if (!str(t, key).isEmpty()) {
        projectFields.put(key, str(t, key));
      }
    }
    for (String key : List.of("log-dir", "work-dir", "output-dir", "rendered-specs-dir", "lock-dir", "upstream-cache-dir")) {
      // Confined to the project: render writes, swaps and (with --clean-stale) deletes there, and a
      // cloned project must not make rpmoverlay touch other directories ('render -o' is the way out).
      if (!str(t, key).isEmpty()
          && rules.checkProjectPath(str(t, key), "project." + key, file.at(t, key), Context.NONE)) {
        projectFields.put(key, file.dir().resolve(str(t, key)).normalize().toString());
      }
    }
    if (t.get(List.of(UpstreamLimits.KEY)) != null) {
      upstreamLimits = upstreamLimits(file, t, upstreamLimits);
    }
    TomlTable ref = table(t, "default-distro");
    DistroRef over = ComponentReader.distroRef(ref);
    defaultDistro =
        new DistroRef(
            ComponentLayer.pick(defaultDistro.name(), over.name()),
            ComponentLayer.pick(defaultDistro.version(), over.version()),
            ComponentLayer.pick(defaultDistro.snapshot(), over.snapshot()));
  }

  /** {@code [project.upstream-limits]}: whole numbers of at least 1; a later file overrides single keys. */
  private UpstreamLimits upstreamLimits(TomlFile file, TomlTable project, UpstreamLimits base) {
    if (!(project.get(List.of(UpstreamLimits.KEY)) instanceof TomlTable t)) {
      problems.error(file.at(project, UpstreamLimits.KEY), Context.NONE, "project." + UpstreamLimits.KEY + " must be a table",
          "for example upstream-limits = { max-files = 20000, max-file-size-mib = 64, max-entry-size-mib = 512 }");
      return base;
    }
    java.util.OptionalLong[] v = {base.maxFiles(), base.maxFileSizeMib(), base.maxEntrySizeMib()};
    List<String> keys = List.of("max-files", "max-file-size-mib", "max-entry-size-mib");
    for (String key : new TreeSet<>(t.keySet())) {
      int i = keys.indexOf(key);
      if (i < 0) {
        problems.error(file.at(t, key), Context.NONE, "unknown key project." + UpstreamLimits.KEY + "." + key,
            "use max-files, max-file-size-mib or max-entry-size-mib");
      } else if (t.get(List.of(key)) instanceof Long n && n >= 1 && n <= Integer.MAX_VALUE) {
        v[i] = java.util.OptionalLong.of(n);
      } else {
        problems.error(file.at(t, key), Context.NONE, "project." + UpstreamLimits.KEY + "." + key
            + " must be a whole number from 1 to " + Integer.MAX_VALUE, "sizes are in MiB");
      }
    }
    return new UpstreamLimits(v[0], v[1], v[2]);
  }

  private void addDistros(TomlFile file, TomlTable t, ComponentRules rules) {
    for (String name : new TreeSet<>(t.keySet())) {
      if (!(t.get(List.of(name)) instanceof TomlTable d)) {
        continue;
      }
      SourcePosition at = file.at(t, name);
      Distro base = distros.get(name);
      TreeMap<String, DistroVersion> versions = new TreeMap<>(base == null ? Map.of() : base.versions());
      TomlTable versionTable = table(d, "versions");
      for (String v : new TreeSet<>(versionTable.keySet())) {
        if (versionTable.get(List.of(v)) instanceof TomlTable vt) {
          versions.put(v, version(file, v, vt, file.at(versionTable, v), rules, name));
        }
      }
      List<String> repos = new ArrayList<>();
      TomlValues.array(d, "repos").ifPresent(a -> {
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i) instanceof TomlTable r) {
            repos.add(str(r, "base-uri"));
          }
        }
      });
      Distro over =
          new Distro(
              name, str(d, "description"), str(d, "default-version"), str(d, "dist-git-base-uri"), str(d, "lookaside-base-uri"),
              repos, bool(d, "disable-origins"), versions, at);
      distros.put(name, base == null ? over : mergeDistro(base, over));
    }
  }

  /** mergo WithOverride without AppendSlice: non-empty values (and a non-empty repos list) replace. */
  private static Distro mergeDistro(Distro base, Distro over) {
    return new Distro(
        base.name(),
        ComponentLayer.pick(base.description(), over.description()),
        ComponentLayer.pick(base.defaultVersion(), over.defaultVersion()),
        ComponentLayer.pick(base.distGitBaseUri(), over.distGitBaseUri()),
        ComponentLayer.pick(base.lookasideBaseUri(), over.lookasideBaseUri()),
        over.repos().isEmpty() ? base.repos() : over.repos(),
        base.disableOrigins() || over.disableOrigins(),
        over.versions(),
        base.declaredAt());
  }

  private DistroVersion version(TomlFile file, String name, TomlTable t, SourcePosition at, ComponentRules rules, String distro) {
    ComponentLayer layer = defaults(file, t, rules, "(distro " + distro + " " + name + " default-component-config)");
    return new DistroVersion(
        name, str(t, "description"), str(t, "release-ver"), str(t, "dist-git-branch"),
        path(file, str(t, "mock-config")), path(file, str(t, "mock-config-x86_64")), path(file, str(t, "mock-config-aarch64")),
        layer, at);
  }

  /** The validated {@code default-component-config} of {@code owner}, or an empty layer. */
  private static ComponentLayer defaults(TomlFile file, TomlTable owner, ComponentRules rules, String label) {
    Optional<TomlTable> dcc = TomlValues.optTable(owner, "default-component-config");
    if (dcc.isEmpty()) {
      return ComponentLayer.EMPTY;
    }
    rules.check(dcc.get(), file.at(owner, "default-component-config"), Context.component(label), false);
    return ComponentReader.read(file, dcc.get());
  }

  private static Optional<Path> path(TomlFile file, String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(file.dir().resolve(value).normalize());
  }

  private void addGroups(TomlFile file, TomlTable t, ComponentRules rules) {
    for (String name : new TreeSet<>(t.keySet())) {
      if (!(t.get(List.of(name)) instanceof TomlTable g)) {
        continue;
      }
      SourcePosition at = file.at(t, name);
      ComponentGroup existing = groups.get(name);
      if (existing != null) {
        problems.error(at, Context.NONE, "duplicate component group '" + name + "' (first defined at " + relative(existing.declaredAt()) + ")", "define each group once");
        continue;
      }
      ComponentLayer layer = defaults(file, g, rules, "(group " + name + " default-component-config)");
      Optional<TomlTable> metadata = TomlValues.optTable(g, "metadata");
      metadata.ifPresent(m -> MetadataRules.check(file, m, file.at(g, "metadata"), Context.NONE, problems));
      if (!strings(g, "specs").isEmpty()) {
        problems.warning(
            file.at(g, "specs"), Context.NONE, "component-groups." + name + ".specs (spec discovery) is not supported and is ignored",
            "declare each component with [components.<name>] and spec = { type = \"local\", path = ... }");
      }
      groups.put(name, new ComponentGroup(name, str(g, "description"), strings(g, "components"), metadata.map(OverlayReader::metadata), layer, at));
      groupMembersAt.put(name, file.at(g, "components", at));
    }
  }

  private void addComponents(TomlFile file, TomlTable t, ComponentRules rules) {
    for (String name : new TreeSet<>(t.keySet())) {
      Object value = t.get(List.of(name));
      if (!(value instanceof TomlTable c)) {
        continue;
      }
      SourcePosition at = file.at(t, name);
      Context ctx = Context.component(name);
      if (!ReservedNames.isValidComponentName(name)) {
        // It becomes a directory name next to rpmoverlay's own dot-named files (and could be '.git').
        problems.error(at, ctx, "component name \"" + name + "\" is not a valid RPM package name",
            "use ASCII letters, digits and . _ + - only, starting with a letter, digit or _");
        continue;
      }
      DeclaredComponent existing = components.get(name);
      if (existing != null) {
        problems.error(at, ctx, "duplicate component (first defined at " + relative(existing.declaredAt()) + ")", "define each component once; merge the two definitions");
        continue;
      }
      rules.check(c, at, ctx, true);
      components.put(name, new DeclaredComponent(name, ComponentReader.read(file, c), at));
    }
  }

  private void addExtras(TomlFile file, TomlTable root) {
    for (String key : new TreeSet<>(root.keySet())) {
      Object value = root.get(List.of(key));
      if (UNION_SECTIONS.contains(key) && value instanceof TomlTable t) {
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) extras.computeIfAbsent(key, k -> new TreeMap<String, Object>());
        for (String name : new TreeSet<>(t.keySet())) {
          String id = key + "." + name;
          if (section.containsKey(name)) {
            problems.error(file.at(t, name), Context.NONE, "duplicate " + key + " entry '" + name + "' (first defined at " + relative(extrasAt.get(id)) + ")", "define it once");
          } else {
            section.put(name, PlainValues.of(t.get(List.of(name))));
            extrasAt.put(id, file.at(t, name));
          }
        }
      } else if (MERGED_SECTIONS.contains(key)) {
        extras.merge(key, PlainValues.of(value), PlainValues::merge);
      }
    }
  }

  private String relative(SourcePosition p) {
    if (p == null) {
      return "?";
    }
    Path file = p.file();
    String shown = projectDir != null && file.startsWith(projectDir) ? projectDir.relativize(file).toString() : file.toString();
    return shown + ":" + p.line() + ":" + p.column();
  }

  /** Rules that need the whole project: references between distros, groups and components. */
  private void checkReferences() {
    if (!defaultDistro.name().isEmpty()) {
      Distro d = distros.get(defaultDistro.name());
      if (d == null) {
        problems.error(SourcePosition.of(projectDir == null ? null : projectDir), Context.NONE,
            "project.default-distro names unknown distro '" + defaultDistro.name() + "'", "define [distros." + defaultDistro.name() + "] or fix the name; known: " + distros.keySet());
      } else if (d.version(defaultDistro.version()).isEmpty()) {
        String v = defaultDistro.version().isEmpty() ? d.defaultVersion() : defaultDistro.version();
        problems.error(d.declaredAt(), Context.NONE, "distro '" + d.name() + "' has no version '" + v + "' (the project default distro version)",
            "define [distros." + d.name() + ".versions." + v + "] or fix default-version; known: " + d.versions().keySet());
      }
    }
    for (ComponentGroup g : groups.values()) {
      List<String> missing = g.components().stream().filter(c -> !components.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.error(groupMembersAt.get(g.name()), Context.NONE,
            "component group '" + g.name() + "' lists undefined components: " + String.join(", ", missing), "define them under [components] or remove them from the group");
      }
    }
    for (DeclaredComponent c : components.values()) {
      DistroRef ref = c.layer().spec().upstreamDistro();
      if (ref.name().isEmpty()) {
        continue;
      }
      Distro d = distros.get(ref.name());
      if (d == null) {
        problems.error(c.declaredAt(), Context.component(c.name()), "spec.upstream-distro names unknown distro '" + ref.name() + "'", "known distros: " + String.join(", ", distros.keySet()));
      } else if (d.version(ref.version()).isEmpty()) {
        problems.error(c.declaredAt(), Context.component(c.name()),
            "distro '" + ref.name() + "' has no version '" + (ref.version().isEmpty() ? d.defaultVersion() : ref.version()) + "'", "known versions: " + String.join(", ", d.versions().keySet()));
      }
    }
  }

  Project build(Path projectFile, List<Path> files, List<Path> deferred, boolean permissive) {
    checkReferences();
    problems.throwIfErrors(projectDir);
    ProjectInfo info =
        new ProjectInfo(
            projectFields.getOrDefault("description", ""),
            dir("log-dir", "build/logs"),
            dir("work-dir", "build/work"),
            dir("output-dir", "out"),
            dir("rendered-specs-dir", "specs"),
            dir("lock-dir", "locks"),
            dir("upstream-cache-dir", "upstream-cache"),
            defaultDistro,
            projectFields.getOrDefault("default-author-email", "azurelinux@microsoft.com"),
            upstreamLimits);
    return new Project(projectDir, projectFile, files, info, distros, groups, components, defaults, extras, deferred, problems.warnings(), permissive);
  }

  private Path dir(String key, String fallback) {
    String v = projectFields.get(key);
    return v != null ? Path.of(v) : projectDir.resolve(fallback);
  }
}
