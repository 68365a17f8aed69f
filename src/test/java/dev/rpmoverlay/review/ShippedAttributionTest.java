package dev.rpmoverlay.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.render.ComponentRenderer;
import dev.rpmoverlay.render.RenderedComponent;
import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.render.UpstreamCacheSourceTreeProvider;
import dev.rpmoverlay.testing.Components;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks diff's attribution on the shipped components independently, by ablation: a line that
 * diff says overlay #N added must not be added when the component is rendered without overlay #N,
 * and a line it says #N removed must then not be removed. Renders from the shipped project's
 * committed {@code upstream-cache/}, so it needs nothing outside the repository.
 */
class ShippedAttributionTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  static Stream<String> componentsWithOverlays() {
    Project project = project();
    return project.componentNames().stream().filter(n -> !project.resolve(n).overlays().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("componentsWithOverlays")
  void everyAttributedLineGoesAwayWithoutItsOverlay(String name) {
    ComponentConfig component = project().resolve(name);
    ComponentDiff full = diff(component);

    assertThat(full.causes()).as("%s: nothing unattributed", name).doesNotContain(OriginAlignment.UNATTRIBUTED);
    int checked = 0;
    for (Overlay overlay : component.overlays()) {
      int k = overlay.info().index();
      List<Overlay> others = new ArrayList<>(component.overlays());
      others.remove(overlay);
      ComponentDiff without;
      try {
        without = diff(Components.withOverlays(component, others));
      } catch (RuntimeException e) {
        continue; // a later overlay needs this one (file-add after file-remove): nothing to compare
      }
      for (FileDiff file : full.files()) {
        Map<String, Integer> addedWithout = counts(without, file.path(), DiffLine.Kind.ADDED);
        Map<String, Integer> removedWithout = counts(without, file.path(), DiffLine.Kind.REMOVED);
        Map<String, Integer> addedByK = new HashMap<>();
        Map<String, Integer> removedByK = new HashMap<>();
        for (Hunk hunk : file.hunks()) {
          boolean onlyK = hunk.causes().size() == 1 && hunk.causes().get(0).overlayIndex() == k;
          if (!onlyK) {
            continue;
          }
          for (DiffLine line : hunk.lines()) {
            if (line.kind() == DiffLine.Kind.ADDED) {
              addedByK.merge(line.text(), 1, Integer::sum);
            } else if (line.kind() == DiffLine.Kind.REMOVED) {
              removedByK.merge(line.text(), 1, Integer::sum);
            }
          }
        }
        Map<String, Integer> addedFull = counts(full, file.path(), DiffLine.Kind.ADDED);
        Map<String, Integer> removedFull = counts(full, file.path(), DiffLine.Kind.REMOVED);
        addedByK.forEach((text, n) -> assertThat(addedWithout.getOrDefault(text, 0))
            .as("%s %s: '%s' is added by overlay #%d, so without it fewer such lines are added", name, file.path(), text, k + 1)
            .isLessThanOrEqualTo(addedFull.get(text) - n));
        removedByK.forEach((text, n) -> assertThat(removedWithout.getOrDefault(text, 0))
            .as("%s %s: '%s' is removed by overlay #%d, so without it fewer such lines are removed", name, file.path(), text, k + 1)
            .isLessThanOrEqualTo(removedFull.get(text) - n));
      }
      checked++;
    }
    assertThat(checked).as("%s: overlays checked by ablation", name).isGreaterThan(0);
  }

  private static Map<String, Integer> counts(ComponentDiff diff, String path, DiffLine.Kind kind) {
    Map<String, Integer> counts = new HashMap<>();
    diff.files().stream().filter(f -> f.path().equals(path)).flatMap(f -> f.hunks().stream())
        .flatMap(h -> h.lines().stream()).filter(l -> l.kind() == kind)
        .forEach(l -> counts.merge(l.text(), 1, Integer::sum));
    return counts;
  }

  private static ComponentDiff diff(ComponentConfig component) {
    UpstreamCacheSourceTreeProvider provider = new UpstreamCacheSourceTreeProvider(UpstreamCache.open(project().info().upstreamCacheDir()));
    OverlayEngine engine = new OverlayEngine(Compat.DEFAULT);
    try {
      RenderedComponent rendered = new ComponentRenderer(provider, Templates.bundled(), engine).render(component, 0);
      RenderTrace trace = new TraceBuilder(engine).build(component, provider.sourceTree(component), rendered.files(),
          rendered.specFileName(), rendered.spec());
      return new ComponentDiffer().diff(trace);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Project project;

  private static synchronized Project project() {
    if (project == null) {
      project = ProjectLoader.load(LoadOptions.of(REPO));
    }
    return project;
  }
}
