package dev.rpmoverlay.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayMetadata;
import dev.rpmoverlay.overlay.LineOrigin;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.SpecLines;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.overlay.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link RenderTrace} of a rendered component. Added and changed spec lines carry their
 * origin from the render itself. What the rendered result cannot tell (which overlay removed an
 * upstream line, which overlays touched each sidecar, what a file-rename renamed) is found by
 * applying the component's overlays again to a copy of the upstream files, one at a time, and
 * comparing before and after each one.
 */
public final class TraceBuilder {
  static final Cause MACROS_FILE = Cause.synthesized("macros-file");
  static final Cause SOURCES_UPDATE = Cause.synthesized("sources-update");
  /** Spec lines the release step wrote after the overlays (rpmautospec's release and changelog blocks). */
  static final Cause RELEASE = Cause.synthesized("release");

  private final OverlayEngine engine;

  public TraceBuilder(OverlayEngine engine) {
    this.engine = engine;
  }

  /**
   * @param upstream the component's upstream files, as render read them
   * @param rendered the rendered files (spec included)
   * @param renderedSpec the spec's file name in {@code rendered}
   * @param spec the rendered spec's lines with their origins
   */
  public RenderTrace build(ComponentConfig component, SourceTree upstream, SourceTree rendered, String renderedSpec, SpecLines spec) {
    String upstreamSpec = upstream.contains(renderedSpec) ? renderedSpec : component.upstreamName() + ".spec";
    Replay replay = replay(component, upstream);
    Map<String, List<Cause>> fileCauses = new HashMap<>(replay.fileCauses);
    for (String path : rendered.files().keySet()) {
      if (!upstream.contains(path) && !replay.renames.containsValue(path) && !fileCauses.containsKey(path)) {
        if (path.endsWith(".azl.macros")) {
          fileCauses.put(path, List.of(MACROS_FILE));
        } else if (path.equals("sources")) {
          fileCauses.put(path, List.of(SOURCES_UPDATE));
        }
      }
    }
    if (upstream.contains("sources") && rendered.contains("sources")
        && !upstream.get("sources").equals(rendered.get("sources")) && !fileCauses.containsKey("sources")) {
      fileCauses.put("sources", List.of(SOURCES_UPDATE));
    }
    byte[] specBytes = rendered.get(renderedSpec).map(TreeFile::content).orElseThrow(
        () -> new IllegalArgumentException("component " + component.name() + " has no rendered spec " + renderedSpec));
    List<LineSource> sources = specSources(component, spec, specBytes);
    return new RenderTrace(component.name(), bytes(upstream), bytes(rendered), upstream.contains(upstreamSpec) ? upstreamSpec : "",
        renderedSpec, sources, replay.removedBy, replay.origins, fileCauses, replay.renames);
  }

  /** The cause for a user overlay, with its metadata category. */
  static Cause cause(ComponentConfig component, int index, String type, String description) {
    String category = "";
    if (index >= 0 && index < component.overlays().size()) {
      category = component.overlays().get(index).info().metadata().map(OverlayMetadata::category).orElse("");
    }
    return Cause.overlay(index, type, description, category);
  }

  private static Cause cause(ComponentConfig component, LineOrigin origin) {
    if (origin instanceof LineOrigin.ByOverlay o) {
      return cause(component, o.index(), o.type(), o.description());
    }
    if (origin instanceof LineOrigin.Synthesized s) {
      return Cause.synthesized(s.edit().label());
    }
    throw new IllegalArgumentException("not an edit: " + origin);
  }

  /**
   * Origins of the rendered spec's lines. Normally the spec lines are the file; if a later step
   * (the release expansion) rewrote the file, lines it added are attributed to that step.
   */
  private static List<LineSource> specSources(ComponentConfig component, SpecLines spec, byte[] specBytes) {
    List<String> fileLines = TextLines.of(specBytes).map(TextLines::lines).orElse(List.of());
    List<LineSource> fromSpec = new ArrayList<>(spec.size());
    for (LineOrigin origin : spec.origins()) {
      fromSpec.add(origin instanceof LineOrigin.Upstream u ? new LineSource.Upstream(u.line()) : new LineSource.Edited(cause(component, origin)));
    }
    if (fileLines.equals(spec.lines())) {
      return fromSpec;
    }
    List<LineSource> result = new ArrayList<>(fileLines.size());
    int s = 0;
    int f = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(spec.lines(), fileLines).getDeltas()) {
      while (f < delta.getTarget().getPosition()) {
        result.add(fromSpec.get(s++));
        f++;
      }
      s += delta.getSource().size();
      for (int i = 0; i < delta.getTarget().size(); i++) {
        result.add(new LineSource.Edited(RELEASE));
        f++;
      }
    }
    while (f < fileLines.size()) {
      result.add(fromSpec.get(s++));
      f++;
    }
    return result;
  }

  private record Replay(
      Map<Integer, Cause> removedBy, Map<String, List<Cause>> fileCauses, Map<String, String> renames, Map<String, FileOrigins> origins) {}

  /** A sidecar's lines during the replay, with where each came from. */
  private record Tracked(List<String> lines, List<LineSource> sources, Map<Integer, Cause> removedBy) {

    static Tracked upstream(List<String> lines) {
      List<LineSource> sources = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        sources.add(new LineSource.Upstream(i + 1));
      }
      return new Tracked(lines, sources, new HashMap<>());
    }

    static Tracked added(List<String> lines, Cause cause) {
      return new Tracked(lines, new ArrayList<>(java.util.Collections.nCopies(lines.size(), new LineSource.Edited(cause))), new HashMap<>());
    }

    /** The file after {@code cause} changed it to {@code newLines}. */
    Tracked changedTo(List<String> newLines, Cause cause) {
      List<LineSource> result = new ArrayList<>();
      Map<Integer, Cause> removed = new HashMap<>(removedBy);
      int o = 0;
      for (AbstractDelta<String> delta : DiffUtils.diff(lines, newLines).getDeltas()) {
        while (o < delta.getSource().getPosition()) {
          result.add(sources.get(o++));
        }
        for (int i = 0; i < delta.getSource().size(); i++) {
          if (sources.get(o++) instanceof LineSource.Upstream u) {
            removed.putIfAbsent(u.line(), cause);
          }
        }
        for (int i = 0; i < delta.getTarget().size(); i++) {
          result.add(new LineSource.Edited(cause));
        }
      }
      while (o < lines.size()) {
        result.add(sources.get(o++));
      }
      return new Tracked(newLines, result, removed);
    }
  }

  private Replay replay(ComponentConfig component, SourceTree upstream) {
    Map<Integer, Cause> removedBy = new HashMap<>();
    Map<String, List<Cause>> fileCauses = new TreeMap<>();
    Map<String, String> originalName = new HashMap<>(); // current path -> upstream path, for renamed files
    Workspace ws = Workspace.fromTree(component.name(), component.upstreamName(), upstream.copy());
    Map<String, Tracked> tracked = new HashMap<>(); // current path -> origins of its lines (text files only)
    ws.files().files().forEach((path, file) -> lines(file).ifPresent(l -> tracked.put(path, Tracked.upstream(l))));
    for (Overlay overlay : component.overlays()) {
      Set<Integer> linesBefore = upstreamLines(ws.spec());
      Map<String, TreeFile> filesBefore = new TreeMap<>(ws.files().files());
      try {
        engine.apply(ws, overlay);
      } catch (RuntimeException e) {
        break; // render failed at this overlay too; what came before is still attributed
      }
      Cause cause = cause(component, overlay.info().index(), overlay.type(), overlay.info().description());
      Set<Integer> linesAfter = upstreamLines(ws.spec());
      for (int line : linesBefore) {
        if (!linesAfter.contains(line)) {
          removedBy.putIfAbsent(line, cause);
        }
      }
      Map<String, TreeFile> filesAfter = ws.files().files();
      List<String> gone = new ArrayList<>();
      List<String> added = new ArrayList<>();
      Set<String> paths = new java.util.TreeSet<>(filesBefore.keySet());
      paths.addAll(filesAfter.keySet());
      for (String path : paths) {
        TreeFile before = filesBefore.get(path);
        TreeFile after = filesAfter.get(path);
        if (before == null && after != null) {
          added.add(path);
        } else if (before != null && after == null) {
          gone.add(path);
        } else if (before != null && !before.equals(after)) {
          fileCauses.computeIfAbsent(originalName.getOrDefault(path, path), k -> new ArrayList<>()).add(cause);
          Tracked t = tracked.remove(path);
          java.util.Optional<List<String>> newLines = lines(after);
          if (t != null && newLines.isPresent()) {
            tracked.put(path, t.changedTo(newLines.get(), cause));
          }
        }
      }
      if (overlay instanceof Overlay.FileRename && gone.size() == 1 && added.size() == 1) {
        String from = originalName.getOrDefault(gone.get(0), gone.get(0));
        originalName.remove(gone.get(0));
        originalName.put(added.get(0), from);
        fileCauses.computeIfAbsent(from, k -> new ArrayList<>()).add(cause);
        Tracked t = tracked.remove(gone.get(0));
        if (t != null) {
          tracked.put(added.get(0), t);
        }
        continue;
      }
      for (String path : gone) {
        fileCauses.computeIfAbsent(originalName.getOrDefault(path, path), k -> new ArrayList<>()).add(cause);
        originalName.remove(path);
        tracked.remove(path);
      }
      for (String path : added) {
        fileCauses.computeIfAbsent(path, k -> new ArrayList<>()).add(cause);
        lines(filesAfter.get(path)).ifPresent(l -> tracked.put(path, Tracked.added(l, cause)));
      }
    }
    // Key causes by the rendered path: a renamed file's history belongs to its new name.
    Map<String, String> renames = new TreeMap<>();
    originalName.forEach((now, was) -> {
      if (!now.equals(was)) {
        renames.put(was, now);
        List<Cause> causes = fileCauses.remove(was);
        if (causes != null) {
          fileCauses.computeIfAbsent(now, k -> new ArrayList<>()).addAll(causes);
        }
      }
    });
    Map<String, FileOrigins> origins = new TreeMap<>();
    tracked.forEach((path, t) -> origins.put(path, new FileOrigins(t.lines(), t.sources(), t.removedBy())));
    return new Replay(removedBy, fileCauses, renames, origins);
  }

  private static java.util.Optional<List<String>> lines(TreeFile file) {
    return TextLines.of(file.content()).map(TextLines::lines);
  }

  private static Set<Integer> upstreamLines(SpecLines spec) {
    Set<Integer> lines = new HashSet<>();
    for (LineOrigin origin : spec.origins()) {
      if (origin instanceof LineOrigin.Upstream u) {
        lines.add(u.line());
      }
    }
    return lines;
  }

  private static TreeMap<String, byte[]> bytes(SourceTree tree) {
    TreeMap<String, byte[]> map = new TreeMap<>();
    tree.files().forEach((path, file) -> map.put(path, file.content()));
    return map;
  }
}
