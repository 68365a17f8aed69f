package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ConfigTrees;
import dev.rpmoverlay.config.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rpmoverlay list}: component names, optionally filtered. */
@Command(
    name = "list",
    description = {
      "List components (all of them when no filter is given), sorted by name.",
      "Table output is one name per line; -O json adds groups, where each component is defined and its rendered directory."
    })
final class ListCommand extends BaseCommand {
  @Mixin ComponentFilterOptions filter;

  @Override
  protected int execute() {
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = filter.isEmpty() ? project.componentNames() : filter.select(project);
    if (global().outputFormat() == OutputFormat.JSON) {
      ConfigTrees trees = new ConfigTrees(project.dir());
      List<Object> rows = new ArrayList<>();
      for (String name : names) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("groups", project.groupsOf(name));
        row.put("definedIn", trees.position(project.declared(name).orElseThrow().declaredAt()));
        row.put("renderedDir", trees.path(project.renderedDirOf(name)));
        rows.add(row);
      }
      JsonPrinter.print(out(), rows);
    } else {
      names.forEach(out()::println);
    }
    return ExitCodes.OK;
  }
}
