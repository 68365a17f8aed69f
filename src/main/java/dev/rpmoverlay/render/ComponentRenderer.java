package dev.rpmoverlay.render;

import dev.rpmoverlay.config.ReservedNames;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.SynthesizedEdit;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.overlay.Workspace;
import dev.rpmoverlay.release.Autospec;
import dev.rpmoverlay.release.DownstreamCommit;
import dev.rpmoverlay.release.StaticReleaseBump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders one component, in azldev's order (docs/azldev-compatibility.md §2.7, 4.1): upstream files →
 * generated macros file, its load block and {@code Source9999} → user overlays → {@code %check}
 * skip → banner → {@code sources} update → static Release bump, or {@code %autorelease}/{@code
 * %autochangelog} expansion when the cache holds the upstream history facts → file filter. Pure: no output is
 * written here, and the same inputs give the same bytes.
 */
public final class ComponentRenderer {
  private final SourceTreeProvider sources;
  private final Templates templates;
  private final OverlayEngine engine;
  private final AutospecExpansion autospec;

  public ComponentRenderer(SourceTreeProvider sources, Templates templates, OverlayEngine engine) {
    this.sources = sources;
    this.templates = templates;
    this.engine = engine;
    this.autospec = new AutospecExpansion(new Autospec(), engine);
  }

  /**
   * Renders {@code component} knowing only how many downstream changes it has: the static bump
   * counts them, but an {@code %autorelease} expansion sees none (use {@link #render(ComponentConfig,
   * List)} when the changes themselves are known).
   */
  public RenderedComponent render(ComponentConfig component, int releaseBumps) {
    return render(component, releaseBumps, List.of());
  }

  /**
   * Renders {@code component} with its downstream changes (oldest first): each bumps a static
   * Release once and, for a spec using rpmautospec, is one more commit with its own changelog entry.
   */
  public RenderedComponent render(ComponentConfig component, List<DownstreamCommit> downstream) {
    return render(component, downstream.size(), downstream);
  }

  /**
   * @param releaseBumps the number of downstream changes (synthetic commits) the static Release
   *     bump adds
   * @throws RenderException or {@link dev.rpmoverlay.overlay.OverlayFailure} when the component
   *     cannot be rendered
   */
  private RenderedComponent render(ComponentConfig component, int releaseBumps, List<DownstreamCommit> downstream) {
    return render(component, read(component), releaseBumps, downstream);
  }

  /**
   * Reads the component's upstream files (and history facts) as {@link #render(ComponentConfig,
   * UpstreamSources, List)} needs them; {@link RenderRun} reads them itself so that it can hand the
   * same tree on to whoever looks at the rendering next (render's lint).
   *
   * @throws RenderException when they cannot be read
   */
  UpstreamSources read(ComponentConfig component) {
    long t = PhaseTimes.start();
    try {
      return sources.read(component);
    } catch (IOException e) {
      throw new RenderException(component.name(), "cannot read upstream sources: " + e.getMessage(), e);
    } finally {
      PhaseTimes.add(PhaseTimes.Phase.READ, t);
    }
  }

  /** Renders {@code component} from upstream files already read by {@link #read}; leaves them unchanged. */
  RenderedComponent render(ComponentConfig component, UpstreamSources upstream, List<DownstreamCommit> downstream) {
    return render(component, upstream, downstream.size(), downstream);
  }

  private RenderedComponent render(ComponentConfig component, UpstreamSources upstream, int releaseBumps, List<DownstreamCommit> downstream) {
    String name = component.name();
    long t = PhaseTimes.start();
    Workspace ws;
    try {
      ws = Workspace.fromTree(name, component.upstreamName(), upstream.tree());
    } catch (IllegalArgumentException e) {
      throw new RenderException(name, e.getMessage());
    }
    addMacrosFile(ws, component);
    for (Overlay overlay : component.overlays()) {
      engine.apply(ws, overlay);
    }
    if (component.build().check().skip()) {
      engine.synthesizePrepend(ws, SynthesizedEdit.CHECK_SKIP, "%check",
          templates.renderLines(Templates.CHECK_SKIP, Map.of("reason", component.build().check().skipReason())));
    }
    engine.synthesizePrepend(ws, SynthesizedEdit.BANNER, "", templates.renderLines(Templates.BANNER, Map.of()));
    updateSources(ws, component);
    PhaseTimes.add(PhaseTimes.Phase.OVERLAY, t);
    t = PhaseTimes.start();
    bumpRelease(ws, component, releaseBumps);
    expandAutospec(ws, component, upstream.historyFacts(), downstream);
    PhaseTimes.add(PhaseTimes.Phase.RELEASE, t);
    t = PhaseTimes.start();
    SourceTree out = FileFilter.apply(ws.toTree(), ws.specFileName(), ws.spec().document(), component.skipFileFilter());
    PhaseTimes.add(PhaseTimes.Phase.FILTER, t);
    refuseGitDirs(name, out);
    return new RenderedComponent(name, ws.specFileName(), out, ws.spec());
  }

  /**
   * A {@code .git} path component (from a local spec dir, an upstream tree or an overlay) would
   * make the output dir a git repository whose config runs commands on {@code git status}.
   */
  private static void refuseGitDirs(String name, SourceTree out) {
    for (String path : out.files().keySet()) {
      if (ReservedNames.hasGitDir(path)) {
        throw new RenderException(name, "refusing to write '" + path + "': rpmoverlay never writes a '.git' file or"
            + " directory (git would treat the output as a repository); remove it from the spec dir or its Source tags");
      }
    }
  }

  private void addMacrosFile(Workspace ws, ComponentConfig component) {
    MacrosFile macros = MacrosFile.of(component.name(), component.build());
    if (macros.isEmpty()) {
      return;
    }
    if (!MacrosFile.isSafeComponentName(component.name())) {
      throw new RenderException(component.name(), "a macros file cannot be generated for this component name"
          + " (only letters, digits, '.', '-', '_' and '+' are allowed)");
    }
    byte[] text = templates.render(Templates.MACROS_FILE, macros.scope()).getBytes(StandardCharsets.UTF_8);
    ws.files().put(macros.fileName(), new TreeFile(text, false));
    engine.synthesizePrepend(ws, SynthesizedEdit.MACROS_LOAD, "",
        templates.renderLines(Templates.MACROS_LOAD, Map.of("macrosFile", macros.fileName())));
    engine.synthesizeInsertTag(ws, SynthesizedEdit.MACROS_SOURCE, "Source9999", macros.fileName());
  }

  private static void updateSources(Workspace ws, ComponentConfig component) {
    Optional<TreeFile> existing = ws.files().get("sources");
    try {
      SourcesFileUpdate.apply(existing.map(TreeFile::content), component.sourceFiles())
          .ifPresent(bytes -> ws.files().put("sources", new TreeFile(bytes, existing.map(TreeFile::executable).orElse(false))));
    } catch (SourcesFileUpdate.SourcesException e) {
      throw new RenderException(component.name(), e.getMessage());
    }
  }

  private void expandAutospec(Workspace ws, ComponentConfig component, Optional<byte[]> history,
      List<DownstreamCommit> downstream) {
    if (component.release() == ReleaseCalculation.MANUAL || component.release() == ReleaseCalculation.STATIC) {
      return;
    }
    history.ifPresent(json -> autospec.apply(ws, json, downstream));
  }

  private void bumpRelease(Workspace ws, ComponentConfig component, int changes) {
    ReleaseCalculation mode = component.release();
    if (changes <= 0 || mode == ReleaseCalculation.MANUAL || mode == ReleaseCalculation.AUTORELEASE) {
      return;
    }
    String release = OverlayEngine.lastTagValue(ws.spec(), "Release").orElseThrow(() ->
        new RenderException(component.name(), "the spec has no Release tag in its main package to bump;"
            + " set release.calculation = \"manual\""));
    if (StaticReleaseBump.isAutorelease(release)) {
      if (mode == ReleaseCalculation.STATIC) {
        throw new RenderException(component.name(), "release.calculation = \"static\" but the spec uses %autorelease;"
            + " set release.calculation = \"autorelease\" (or leave it unset)");
      }
      return; // %autorelease: rpmautospec semantics own it
    }
    try {
      engine.synthesizeUpdateTag(ws, SynthesizedEdit.RELEASE_BUMP, "Release", StaticReleaseBump.bump(release, changes, engine.compat()));
    } catch (IllegalArgumentException e) {
      throw new RenderException(component.name(), e.getMessage());
    }
  }
}
