package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded, validated project. Immutable and safe to share between threads: components are
 * resolved lazily, on first request, and cached.
 */
public final class Project {
  private final Path dir;
  private final Path projectFile;
  private final List<Path> configFiles;
  private final ProjectInfo info;
  private final SortedMap<String, Distro> distros;
  private final SortedMap<String, ComponentGroup> groups;
  private final SortedMap<String, DeclaredComponent> components;
  private final ComponentLayer defaultComponentConfig;
  private final SortedMap<String, Object> extras;
  private final List<Path> deferredFiles;
  private final List<ConfigProblem> warnings;
  private final Map<String, List<String>> membership;
  private final List<String> componentNames;
  private final ComponentResolver resolver = new ComponentResolver(this);
  private final Map<String, ComponentConfig> resolved = new ConcurrentHashMap<>();
  private final boolean permissive;
  /** Set once, before the project is handed out, when it is (or was just kept as) a snapshot. */
  private volatile String snapshotGeneration;

  Project(
      Path dir,
      Path projectFile,
      List<Path> configFiles,
      ProjectInfo info,
      Map<String, Distro> distros,
      Map<String, ComponentGroup> groups,
      Map<String, DeclaredComponent> components,
      ComponentLayer defaultComponentConfig,
      Map<String, Object> extras,
      List<Path> deferredFiles,
      List<ConfigProblem> warnings,
      boolean permissive) {
    this.dir = dir;
    this.projectFile = projectFile;
    this.configFiles = List.copyOf(configFiles);
    this.info = info;
    this.distros = Collections.unmodifiableSortedMap(new TreeMap<>(distros));
    this.groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
    this.components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
    this.defaultComponentConfig = defaultComponentConfig;
    this.extras = Collections.unmodifiableSortedMap(new TreeMap<>(extras));
    this.deferredFiles = List.copyOf(deferredFiles);
    this.warnings = List.copyOf(warnings);
    this.permissive = permissive;
    Map<String, List<String>> members = new TreeMap<>();
    for (ComponentGroup g : this.groups.values()) {
      for (String c : g.components()) {
        List<String> list = members.computeIfAbsent(c, k -> new ArrayList<>());
        if (!list.contains(g.name())) {
          list.add(g.name());
        }
      }
    }
    members.replaceAll((k, v) -> List.copyOf(v.stream().sorted().toList()));
    this.membership = members;
    this.componentNames = List.copyOf(this.components.keySet());
  }

  /**
   * Names the {@link ProjectSnapshot} this project was loaded from or kept as: two projects with the
   * same generation are the same project, so what a command derived from one and kept holds for the
   * other; so do the components they resolve, unless {@link #resolvesFromOverlayFiles}. Empty when
   * the project is in no snapshot.
   */
  public Optional<String> snapshotGeneration() {
    return Optional.ofNullable(snapshotGeneration);
  }

  /**
   * Whether resolving a component reads files the load did not: the {@code overlay-files} of any
   * layer a component resolves through (they are expanded and parsed at resolve time, so no
   * snapshot stamps them).
   */
  public boolean resolvesFromOverlayFiles() {
    return defaultDistroVersion().map(v -> v.defaultComponentConfig().overlayFiles().isPresent()).orElse(false)
        || defaultComponentConfig.overlayFiles().isPresent()
        || groups.values().stream().anyMatch(g -> g.defaultComponentConfig().overlayFiles().isPresent())
        || components.values().stream().anyMatch(c -> c.layer().overlayFiles().isPresent());
  }

  void keptAs(String generation) {
    this.snapshotGeneration = generation;
  }

  /** The project directory (where the project file is). */
  public Path dir() {
    return dir;
  }

  /** {@code azldev.toml} or {@code rpmoverlay.toml}. */
  public Path projectFile() {
    return projectFile;
  }

  /** Every config file read, in merge order (includes depth first, then --config-file files). */
  public List<Path> configFiles() {
    return configFiles;
  }

  public ProjectInfo info() {
    return info;
  }

  public SortedMap<String, Distro> distros() {
    return distros;
  }

  public Optional<Distro> distro(String name) {
    return Optional.ofNullable(distros.get(name));
  }

  /** The project default distro with its version filled in from the distro's default-version. */
  public DistroRef defaultDistro() {
    DistroRef ref = info.defaultDistro();
    if (ref.version().isEmpty()) {
      String v = distro(ref.name()).map(Distro::defaultVersion).orElse("");
      return new DistroRef(ref.name(), v, ref.snapshot());
    }
    return ref;
  }

  /** The project default distro version, whose default-component-config every component inherits. */
  public Optional<DistroVersion> defaultDistroVersion() {
    DistroRef ref = defaultDistro();
    return distro(ref.name()).flatMap(d -> d.version(ref.version()));
  }

  public SortedMap<String, ComponentGroup> groups() {
    return groups;
  }

  /** The groups {@code component} belongs to, sorted. */
  public List<String> groupsOf(String component) {
    return membership.getOrDefault(component, List.of());
  }

  /** Every component name, sorted (byte order). */
  public List<String> componentNames() {
    return componentNames;
  }

  public boolean hasComponent(String name) {
    return components.containsKey(name);
  }

  /** The component as declared, before inheritance. */
  public Optional<DeclaredComponent> declared(String name) {
    return Optional.ofNullable(components.get(name));
  }

  /** Every component as declared, by name. */
  SortedMap<String, DeclaredComponent> declaredComponents() {
    return components;
  }

  /** The project-level {@code default-component-config}. */
  public ComponentLayer defaultComponentConfig() {
    return defaultComponentConfig;
  }

  /**
   * The component's effective configuration (cached).
   *
   * @throws IllegalArgumentException if there is no such component
   * @throws ConfigException if its overlay-files are invalid
   */
  public ComponentConfig resolve(String name) {
    ComponentConfig cached = resolved.get(name);
    if (cached != null) {
      return cached;
    }
    ComponentConfig config = resolver.resolve(declaredOrThrow(name));
    ComponentConfig first = resolved.putIfAbsent(name, config);
    return first != null ? first : config; // resolved on two threads at once: every caller gets the same one
  }

  /** The effective configuration plus the layer each value came from. */
  public ComponentTrace trace(String name) {
    return resolver.trace(declaredOrThrow(name));
  }

  private DeclaredComponent declaredOrThrow(String name) {
    DeclaredComponent c = components.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no component named '" + name + "'");
    }
    return c;
  }

  /**
   * Where the component's upstream comes from: its {@code spec.upstream-distro} (or the project
   * default distro when that has no name), the version defaulting to the distro's default-version.
   *
   * @throws ConfigException if the distro or version is not defined
   */
  public UpstreamRef upstreamOf(ComponentConfig c) {
    DistroRef ref = c.spec().upstreamDistro();
    if (ref.name().isEmpty()) {
      ref = defaultDistro();
    }
    String distroName = ref.name();
    Distro d = distro(distroName).orElseThrow(() -> ConfigException.of("component '" + c.name() + "': unknown distro '" + distroName + "'", "define [distros." + distroName + "]"));
    String version = ref.version().isEmpty() ? d.defaultVersion() : ref.version();
    DistroVersion v = d.version(version).orElseThrow(() -> ConfigException.of("component '" + c.name() + "': distro '" + distroName + "' has no version '" + version + "'", "define [distros." + distroName + ".versions." + version + "]"));
    String distGit = d.distGitBaseUri().isEmpty() ? "" : UriTemplate.substitute(d.distGitBaseUri(), Map.of("pkg", c.upstreamName()));
    return new UpstreamRef(distroName, version, ref.snapshot(), v.distGitBranch(), distGit, d.lookasideBaseUri(), c.upstreamName(), c.spec().upstreamCommit(), v.releaseVer());
  }

  /** {@code <rendered-specs-dir>/<lower-case first character>/<name>}. */
  public Path renderedDirOf(String component) {
    return info.renderedSpecsDir().resolve(component.substring(0, 1).toLowerCase(Locale.ROOT)).resolve(component);
  }

  /**
   * Files that were not parsed because they only hold uninterpreted sections (see {@link
   * LoadOptions#deferOpaqueFiles()}); their content is missing from {@link #extras()}.
   */
  public List<Path> deferredFiles() {
    return deferredFiles;
  }

  /** Opaque sections kept for {@code config dump} (images, package-groups, tools, ...). */
  public SortedMap<String, Object> extras() {
    return extras;
  }

  /** Problems that did not stop the load (unknown keys under --permissive-config, ignored features). */
  public List<ConfigProblem> warnings() {
    return warnings;
  }

  boolean permissive() {
    return permissive;
  }
}
