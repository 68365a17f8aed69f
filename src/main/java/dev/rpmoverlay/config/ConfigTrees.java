package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayMetadata;
import dev.rpmoverlay.config.model.SourceFile;
import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Config values as ordered trees of maps, lists and scalars keyed by their TOML names, for
 * {@code show}, {@code config dump} and JSON output. Only set (non-zero) values appear; paths
 * print relative to the project directory when they are inside it.
 */
public final class ConfigTrees {
  private final Path projectDir;

  public ConfigTrees(Path projectDir) {
    this.projectDir = projectDir;
  }

  /** {@code path} relative to the project when inside it, else absolute. */
  public String path(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    return abs.startsWith(projectDir) ? projectDir.relativize(abs).toString() : abs.toString();
  }

  public String position(SourcePosition p) {
    if (p.file() == null) {
      return "";
    }
    return path(p.file()) + (p.line() > 0 ? ":" + p.line() + ":" + Math.max(1, p.column()) : "");
  }

  /** The effective component as a flat map: field path to value, in schema order, set values only. */
  public Map<String, Object> effectiveFields(ComponentConfig c) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "spec.type", c.spec().type());
    c.spec().path().ifPresent(p -> out.put("spec.path", path(p)));
    put(out, "spec.upstream-distro.name", c.spec().upstreamDistro().name());
    put(out, "spec.upstream-distro.version", c.spec().upstreamDistro().version());
    put(out, "spec.upstream-distro.snapshot", c.spec().upstreamDistro().snapshot());
    put(out, "spec.upstream-name", c.spec().upstreamName());
    put(out, "spec.upstream-commit", c.spec().upstreamCommit());
    out.put("release.calculation", c.release().tomlName());
    putList(out, "build.with", c.build().with());
    putList(out, "build.without", c.build().without());
    c.build().defines().forEach((k, v) -> out.put("build.defines." + k, v));
    putList(out, "build.undefines", c.build().undefines());
    putBool(out, "build.emit-upstream-provenance", c.build().emitUpstreamProvenance());
    putBool(out, "build.check.skip", c.build().check().skip());
    put(out, "build.check.skip_reason", c.build().check().skipReason());
    putBool(out, "render.skip-file-filter", c.skipFileFilter());
    return out;
  }

  /** One overlay as its TOML table (type first), plus where it was declared. */
  public Map<String, Object> overlay(Overlay o) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", o.type());
    put(out, "description", o.info().description());
    if (o instanceof Overlay.SpecAddTag x) {
      tag(out, x.tag(), x.value(), x.pkg());
    } else if (o instanceof Overlay.SpecInsertTag x) {
      tag(out, x.tag(), x.value(), x.pkg());
    } else if (o instanceof Overlay.SpecSetTag x) {
      tag(out, x.tag(), x.value(), x.pkg());
    } else if (o instanceof Overlay.SpecUpdateTag x) {
      tag(out, x.tag(), x.value(), x.pkg());
    } else if (o instanceof Overlay.SpecRemoveTag x) {
      tag(out, x.tag(), x.value(), x.pkg());
    } else if (o instanceof Overlay.SpecPrependLines x) {
      section(out, x.section(), x.pkg());
      out.put("lines", x.lines());
    } else if (o instanceof Overlay.SpecAppendLines x) {
      section(out, x.section(), x.pkg());
      out.put("lines", x.lines());
    } else if (o instanceof Overlay.SpecSearchReplace x) {
      section(out, x.section(), x.pkg());
      out.put("regex", x.regex());
      put(out, "replacement", x.replacement());
    } else if (o instanceof Overlay.SpecRemoveSection x) {
      section(out, x.section(), x.pkg());
    } else if (o instanceof Overlay.SpecRemoveSubpackage x) {
      put(out, "package", x.pkg());
    } else if (o instanceof Overlay.PatchAdd x) {
      put(out, "source", x.source().isEmpty() ? "" : path(Path.of(x.source())));
      put(out, "file", x.file());
      put(out, "package", x.pkg());
    } else if (o instanceof Overlay.PatchRemove x) {
      put(out, "file", x.file());
    } else if (o instanceof Overlay.FilePrependLines x) {
      put(out, "file", x.file());
      out.put("lines", x.lines());
    } else if (o instanceof Overlay.FileSearchReplace x) {
      put(out, "file", x.file());
      out.put("regex", x.regex());
      put(out, "replacement", x.replacement());
      x.archive().ifPresent(a -> out.put("archive", a));
    } else if (o instanceof Overlay.FileAdd x) {
      put(out, "file", x.file());
      put(out, "source", x.source().isEmpty() ? "" : path(Path.of(x.source())));
    } else if (o instanceof Overlay.FileRemove x) {
      put(out, "file", x.file());
      x.archive().ifPresent(a -> out.put("archive", a));
    } else if (o instanceof Overlay.FileRename x) {
      put(out, "file", x.file());
      put(out, "replacement", x.replacement());
    }
    o.info().metadata().ifPresent(m -> out.put("metadata", metadata(m)));
    return out;
  }

  public Map<String, Object> metadata(OverlayMetadata m) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "category", m.category());
    put(out, "upstream-status", m.upstreamStatus());
    if (!m.commits().isEmpty()) {
      out.put("commits", m.commits().stream().map(u -> Map.of("url", u)).toList());
    }
    if (!m.bugs().isEmpty()) {
      out.put("bugs", m.bugs().stream().map(u -> Map.of("url", u)).toList());
    }
    m.expires().ifPresent(d -> out.put("expires", d.toString()));
    return out;
  }

  public Map<String, Object> sourceFile(SourceFile s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("filename", s.filename());
    put(out, "hash", s.hash());
    put(out, "hash-type", s.hashType());
    Map<String, Object> origin = new LinkedHashMap<>();
    put(origin, "type", s.originType());
    put(origin, "uri", s.originUri());
    if (!origin.isEmpty()) {
      out.put("origin", origin);
    }
    putBool(out, "replace-upstream", s.replaceUpstream());
    put(out, "replace-reason", s.replaceReason());
    return out;
  }

  /** A declared layer as the TOML table that would declare it. */
  public Map<String, Object> layer(ComponentLayer l) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> spec = new LinkedHashMap<>();
    put(spec, "type", l.spec().type());
    put(spec, "path", l.spec().path().isEmpty() ? "" : path(Path.of(l.spec().path())));
    Map<String, Object> ref = distroRef(l.spec().upstreamDistro());
    if (!ref.isEmpty()) {
      spec.put("upstream-distro", ref);
    }
    put(spec, "upstream-name", l.spec().upstreamName());
    put(spec, "upstream-commit", l.spec().upstreamCommit());
    putTable(out, "spec", spec);
    if (!l.release().isEmpty()) {
      out.put("release", Map.of("calculation", l.release()));
    }
    Map<String, Object> build = new LinkedHashMap<>();
    putList(build, "with", l.build().with());
    putList(build, "without", l.build().without());
    if (!l.build().defines().isEmpty()) {
      build.put("defines", new LinkedHashMap<>(l.build().defines()));
    }
    putList(build, "undefines", l.build().undefines());
    putBool(build, "emit-upstream-provenance", l.build().emitUpstreamProvenance());
    Map<String, Object> check = new LinkedHashMap<>();
    putBool(check, "skip", l.build().checkSkip());
    put(check, "skip_reason", l.build().checkSkipReason());
    putTable(build, "check", check);
    Map<String, Object> failure = new LinkedHashMap<>();
    putBool(failure, "expected", l.build().failureExpected());
    put(failure, "expected-reason", l.build().failureExpectedReason());
    putTable(build, "failure", failure);
    if (l.build().hintsExpensive()) {
      build.put("hints", Map.of("expensive", true));
    }
    putTable(out, "build", build);
    if (l.skipFileFilter()) {
      out.put("render", Map.of("skip-file-filter", true));
    }
    if (!l.sourceFiles().isEmpty()) {
      out.put("source-files", l.sourceFiles().stream().map(this::sourceFile).toList());
    }
    if (!l.overlays().isEmpty()) {
      out.put("overlays", l.overlays().stream().map(this::overlay).toList());
    }
    l.overlayFiles().ifPresent(p -> out.put("overlay-files", p));
    return out;
  }

  public Map<String, Object> distroRef(DistroRef ref) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "name", ref.name());
    put(out, "version", ref.version());
    put(out, "snapshot", ref.snapshot());
    return out;
  }

  /** The merged project configuration (before per-component inheritance, as azldev's dump). */
  public Map<String, Object> project(Project p) {
    Map<String, Object> out = new LinkedHashMap<>();
    ProjectInfo i = p.info();
    Map<String, Object> project = new LinkedHashMap<>();
    put(project, "description", i.description());
    project.put("log-dir", path(i.logDir()));
    project.put("work-dir", path(i.workDir()));
    project.put("output-dir", path(i.outputDir()));
    project.put("rendered-specs-dir", path(i.renderedSpecsDir()));
    project.put("lock-dir", path(i.lockDir()));
    project.put("upstream-cache-dir", path(i.upstreamCacheDir()));
    Map<String, Object> dd = distroRef(i.defaultDistro());
    if (!dd.isEmpty()) {
      project.put("default-distro", dd);
    }
    put(project, "default-author-email", i.defaultAuthorEmail());
    out.put("project", project);
    Map<String, Object> distros = new LinkedHashMap<>();
    for (Distro d : p.distros().values()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      put(dm, "description", d.description());
      put(dm, "default-version", d.defaultVersion());
      put(dm, "dist-git-base-uri", d.distGitBaseUri());
      put(dm, "lookaside-base-uri", d.lookasideBaseUri());
      if (!d.repos().isEmpty()) {
        dm.put("repos", d.repos().stream().map(r -> Map.of("base-uri", r)).toList());
      }
      putBool(dm, "disable-origins", d.disableOrigins());
      Map<String, Object> versions = new LinkedHashMap<>();
      for (DistroVersion v : d.versions().values()) {
        Map<String, Object> vm = new LinkedHashMap<>();
        put(vm, "description", v.description());
        put(vm, "release-ver", v.releaseVer());
        put(vm, "dist-git-branch", v.distGitBranch());
        v.mockConfig().ifPresent(m -> vm.put("mock-config", path(m)));
        v.mockConfigX86_64().ifPresent(m -> vm.put("mock-config-x86_64", path(m)));
        v.mockConfigAarch64().ifPresent(m -> vm.put("mock-config-aarch64", path(m)));
        putTable(vm, "default-component-config", layer(v.defaultComponentConfig()));
        versions.put(v.name(), vm);
      }
      putTable(dm, "versions", versions);
      distros.put(d.name(), dm);
    }
    putTable(out, "distros", distros);
    putTable(out, "default-component-config", layer(p.defaultComponentConfig()));
    Map<String, Object> groups = new LinkedHashMap<>();
    for (ComponentGroup g : p.groups().values()) {
      Map<String, Object> gm = new LinkedHashMap<>();
      put(gm, "description", g.description());
      putList(gm, "components", g.components());
      g.metadata().ifPresent(m -> gm.put("metadata", metadata(m)));
      putTable(gm, "default-component-config", layer(g.defaultComponentConfig()));
      groups.put(g.name(), gm);
    }
    putTable(out, "component-groups", groups);
    Map<String, Object> components = new LinkedHashMap<>();
    for (String name : p.componentNames()) {
      components.put(name, layer(p.declared(name).orElseThrow().layer()));
    }
    putTable(out, "components", components);
    out.putAll(p.extras());
    return out;
  }

  private static void tag(Map<String, Object> out, String tag, String value, String pkg) {
    put(out, "tag", tag);
    put(out, "value", value);
    put(out, "package", pkg);
  }

  private static void section(Map<String, Object> out, String section, String pkg) {
    put(out, "section", section);
    put(out, "package", pkg);
  }

  private static void put(Map<String, Object> out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  private static void putBool(Map<String, Object> out, String key, boolean value) {
    if (value) {
      out.put(key, true);
    }
  }

  private static void putList(Map<String, Object> out, String key, List<String> value) {
    if (!value.isEmpty()) {
      out.put(key, new ArrayList<>(value));
    }
  }

  private static void putTable(Map<String, Object> out, String key, Map<String, Object> value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }
}
