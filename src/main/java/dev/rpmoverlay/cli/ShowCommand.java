package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ComponentTrace;
import dev.rpmoverlay.config.ConfigTrees;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.UpstreamRef;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay show NAME}: the resolved component, each value with the layer it came from. */
@Command(
    name = "show",
    header = "Show a component's effective configuration, each value with the layer it came from.",
    description = {
      "Show a component's effective configuration after inheritance (distro version defaults, project defaults, "
          + "groups in alphabetical order, the component), with the layer each value came from, its overlays in "
          + "application order, and its resolved upstream."
    })
final class ShowCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME", description = "The component.")
  String name;

  @Override
  protected int execute() {
    Project project = new ProjectContext(global(), err()).project();
    if (!project.hasComponent(name)) {
      throw new UserException(Suggestions.withHint("no component named '" + name + "'", name, project.componentNames()));
    }
    ComponentTrace trace = project.trace(name);
    ComponentConfig c = trace.config();
    ConfigTrees trees = new ConfigTrees(project.dir());
    Map<String, Object> fields = trees.effectiveFields(c);
    UpstreamRef upstream = c.spec().isLocal() ? null : project.upstreamOf(c);
    if (global().outputFormat() == OutputFormat.JSON) {
      JsonPrinter.print(out(), json(project, trace, trees, fields, upstream));
      return ExitCodes.OK;
    }
    var out = out();
    out.println("component    " + c.name());
    out.println("defined in   " + trees.position(c.definedIn()));
    out.println("groups       " + (c.groups().isEmpty() ? "(none)" : String.join(", ", c.groups())));
    out.println("rendered to  " + trees.path(project.renderedDirOf(c.name())));
    if (upstream != null) {
      out.println("upstream     " + upstream.distGitUri() + " branch " + upstream.distGitBranch()
          + (upstream.upstreamCommit().isEmpty() ? (upstream.snapshot().isEmpty() ? " (branch tip)" : " at snapshot " + upstream.snapshot()) : " commit " + upstream.upstreamCommit()));
    }
    out.println();
    out.println("layers (lowest first):");
    for (ComponentTrace.Layer layer : trace.layers()) {
      out.println("  " + layer.label() + "  " + trees.position(layer.declaredAt()));
    }
    out.println();
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(10);
    out.println("fields:");
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      String from = String.join(" + ", trace.origins().getOrDefault(e.getKey(), List.of("(default)")));
      out.println("  " + pad(e.getKey(), width) + "  " + display(e.getValue()) + "    <- " + from);
    }
    if (!c.sourceFiles().isEmpty()) {
      out.println();
      out.println("source-files:    <- " + String.join(" + ", trace.origins().get("source-files")));
      c.sourceFiles().forEach(s -> out.println("  " + s.filename() + "  " + s.hashType() + " " + s.originType() + " " + s.originUri() + "  " + trees.position(s.declaredAt())));
    }
    out.println();
    out.println("overlays (" + c.overlays().size() + ", in application order):");
    for (Overlay o : c.overlays()) {
      out.println("  #" + o.info().number() + "  " + o.type() + "  " + o.info().describe() + "  " + trees.position(o.info().declaredAt()));
      trees.overlay(o).forEach((k, v) -> {
        if (!k.equals("type") && !k.equals("description")) {
          out.println("       " + k + " = " + display(v));
        }
      });
    }
    return ExitCodes.OK;
  }

  private Map<String, Object> json(Project project, ComponentTrace trace, ConfigTrees trees, Map<String, Object> fields, UpstreamRef upstream) {
    ComponentConfig c = trace.config();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", c.name());
    root.put("definedIn", trees.position(c.definedIn()));
    root.put("groups", c.groups());
    root.put("renderedDir", trees.path(project.renderedDirOf(c.name())));
    List<Object> layers = new ArrayList<>();
    for (ComponentTrace.Layer layer : trace.layers()) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("label", layer.label());
      l.put("declaredAt", trees.position(layer.declaredAt()));
      layers.add(l);
    }
    root.put("layers", layers);
    Map<String, Object> f = new LinkedHashMap<>();
    fields.forEach((k, v) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("value", v);
      entry.put("from", trace.origins().getOrDefault(k, List.of()));
      f.put(k, entry);
    });
    root.put("fields", f);
    root.put("sourceFiles", c.sourceFiles().stream().map(trees::sourceFile).toList());
    List<Object> overlays = new ArrayList<>();
    for (Overlay o : c.overlays()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("overlay", o.info().number());
      m.put("declaredAt", trees.position(o.info().declaredAt()));
      m.putAll(trees.overlay(o));
      overlays.add(m);
    }
    root.put("overlays", overlays);
    if (upstream != null) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("distro", upstream.distro());
      u.put("version", upstream.version());
      u.put("snapshot", upstream.snapshot());
      u.put("distGitUri", upstream.distGitUri());
      u.put("distGitBranch", upstream.distGitBranch());
      u.put("upstreamName", upstream.upstreamName());
      u.put("upstreamCommit", upstream.upstreamCommit());
      root.put("upstream", u);
    }
    return root;
  }

  private static String display(Object v) {
    if (v instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      l.forEach(x -> items.add(display(x)));
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(v);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
