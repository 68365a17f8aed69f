package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.CheckConfig;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * azldev's inheritance (docs/azldev-compatibility.md §1.8): the project default distro version's
 * default-component-config, then the project's, then each group's in alphabetical order, then the
 * component; then {@code overlay-files} are expanded and appended, and an unset release
 * calculation becomes {@code auto}.
 */
final class ComponentResolver {
  private record Step(ComponentTrace.Layer info, ComponentLayer layer) {}

  private final Project project;

  ComponentResolver(Project project) {
    this.project = project;
  }

  ComponentConfig resolve(DeclaredComponent component) {
    return build(component, merge(steps(component)));
  }

  ComponentTrace trace(DeclaredComponent component) {
    List<Step> steps = steps(component);
    Map<String, List<String>> origins = new LinkedHashMap<>();
    for (Step step : steps) {
      for (String field : step.layer().setFields()) {
        origins.computeIfAbsent(field, k -> new ArrayList<>()).add(step.info().label());
      }
    }
    return new ComponentTrace(build(component, merge(steps)), steps.stream().map(Step::info).toList(), origins);
  }

  private List<Step> steps(DeclaredComponent component) {
    List<Step> steps = new ArrayList<>();
    project.defaultDistroVersion().ifPresent(v ->
        steps.add(new Step(new ComponentTrace.Layer("distro " + project.defaultDistro().name() + " " + v.name(), v.declaredAt()), v.defaultComponentConfig())));
    // identity first: a project without defaults holds EMPTY itself, and the first equals() of these
    // records bootstraps their generated methods (~10 ms of a one-component command)
    if (project.defaultComponentConfig() != ComponentLayer.EMPTY && !project.defaultComponentConfig().equals(ComponentLayer.EMPTY)) {
      steps.add(new Step(new ComponentTrace.Layer("project default-component-config", SourcePosition.of(project.projectFile())), project.defaultComponentConfig()));
    }
    for (String group : project.groupsOf(component.name())) {
      ComponentGroup g = project.groups().get(group);
      steps.add(new Step(new ComponentTrace.Layer("group " + group, g.declaredAt()), g.defaultComponentConfig()));
    }
    steps.add(new Step(new ComponentTrace.Layer("component " + component.name(), component.declaredAt()), component.layer()));
    return steps;
  }

  private static ComponentLayer merge(List<Step> steps) {
    ComponentLayer merged = ComponentLayer.EMPTY;
    for (Step step : steps) {
      merged = merged.mergedWith(step.layer());
    }
    return merged;
  }

  private ComponentConfig build(DeclaredComponent component, ComponentLayer merged) {
    List<Overlay> overlays = new ArrayList<>(merged.overlays());
    if (merged.overlayFiles().isPresent()) {
      Path dir = component.declaredAt().file().getParent();
      overlays.addAll(OverlayFiles.load(merged.overlayFiles().get(), dir, component, project, overlays.size()));
    }
    List<Overlay> indexed = new ArrayList<>(overlays.size());
    for (int i = 0; i < overlays.size(); i++) {
      OverlayInfo info = overlays.get(i).info();
      indexed.add(overlays.get(i).withInfo(new OverlayInfo(i, info.description(), info.metadata(), info.declaredAt())));
    }
    ComponentLayer.SpecLayer s = merged.spec();
    ComponentLayer.BuildLayer b = merged.build();
    return new ComponentConfig(
        component.name(),
        component.declaredAt(),
        project.groupsOf(component.name()),
        new SpecSource(s.type(), s.path().isEmpty() ? Optional.empty() : Optional.of(Path.of(s.path())), s.upstreamDistro(), s.upstreamName(), s.upstreamCommit()),
        release(merged.release()),
        new BuildConfig(b.with(), b.without(), b.defines(), b.undefines(), new CheckConfig(b.checkSkip(), b.checkSkipReason()), b.emitUpstreamProvenance()),
        merged.skipFileFilter(),
        merged.sourceFiles(),
        indexed);
  }

  private static ReleaseCalculation release(String value) {
    return Arrays.stream(ReleaseCalculation.values()).filter(r -> r.tomlName().equals(value)).findFirst().orElse(ReleaseCalculation.AUTO);
  }
}
