package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.ConfigProblem;
import dev.rpmoverlay.config.ConfigTrees;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code rpmoverlay validate}: load the whole project and resolve every component, reporting all problems. */
@Command(
    name = "validate",
    header = "Load and validate the whole project configuration, reporting every problem with file:line:col.",
    description = {
      "Load and validate the project configuration: TOML syntax, unknown keys, value types, required overlay "
          + "fields, regexes (RE2), globs, paths, references between distros, groups and components, and every "
          + "component's inheritance. Every problem is reported, each with file:line:col, component, overlay and a hint.",
      "Exit code 0 when valid, 2 otherwise."
    })
final class ValidateCommand extends BaseCommand {

  @Override
  protected int execute() {
    ProjectContext context = new ProjectContext(global(), err());
    boolean json = global().outputFormat() == OutputFormat.JSON;
    Project project;
    try {
      project = ProjectLoader.load(context.options().parsingEverything());
      try (Progress progress = Progress.start(this, "validate", project.componentNames().size(), Progress.MANY)) {
        for (String name : project.componentNames()) {
          project.resolve(name);
          progress.step();
        }
      }
    } catch (ConfigException e) {
      if (json) {
        JsonPrinter.print(out(), report(false, e.problems(), e.projectDir(), 0, 0));
        return ExitCodes.USAGE;
      }
      throw new UserException(e.getMessage(), e);
    }
    if (json) {
      JsonPrinter.print(out(), report(true, project.warnings(), project.dir(), project.componentNames().size(), project.configFiles().size()));
    } else {
      if (!global().quiet()) {
        project.warnings().forEach(w -> err().println(w.format(project.dir())));
      }
      out().println("ok: " + project.componentNames().size() + " components, " + project.groups().size() + " groups, "
          + project.distros().size() + " distros, " + project.configFiles().size() + " config files");
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> report(boolean valid, List<ConfigProblem> problems, Path projectDir, int components, int files) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("valid", valid);
    root.put("components", components);
    root.put("configFiles", files);
    List<Object> list = new ArrayList<>();
    ConfigTrees trees = projectDir == null ? null : new ConfigTrees(projectDir);
    for (ConfigProblem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
      m.put("file", p.at().file() == null ? "" : trees == null ? p.at().file().toString() : trees.path(p.at().file()));
      m.put("line", p.at().line());
      m.put("column", p.at().column());
      m.put("component", p.component());
      m.put("overlay", p.overlayNumber());
      m.put("overlayDescription", p.overlayDescription());
      m.put("message", p.message());
      m.put("hint", p.hint());
      list.add(m);
    }
    root.put("problems", list);
    return root;
  }
}
