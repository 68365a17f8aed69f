package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.DoublestarGlob;
import dev.rpmoverlay.config.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The component selection options shared by commands that act on components ({@code
 * @Mixin ComponentFilterOptions filter;}): {@code -a}, {@code -p GLOB}, {@code -g GROUP} and
 * positional names (which may be globs too). The selection is the union, sorted.
 */
final class ComponentFilterOptions {

  @Option(names = {"-a", "--all-components"}, description = "Select every component.")
  boolean all;

  @Option(
      names = {"-p", "--component"},
      paramLabel = "GLOB",
      description = "Select components whose name matches GLOB (repeatable; * ? [..] {a,b}).")
  List<String> patterns = new ArrayList<>();

  @Option(names = {"-g", "--component-group"}, paramLabel = "GROUP", description = "Select the members of a component group (repeatable).")
  List<String> groups = new ArrayList<>();

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Component names or globs (same as -p).")
  List<String> names = new ArrayList<>();

  /** Whether no selection option was given at all. */
  public boolean isEmpty() {
    return !all && patterns.isEmpty() && groups.isEmpty() && names.isEmpty();
  }

  /**
   * The selected component names, sorted.
   *
   * @throws UserException if nothing was asked for, a group is unknown, or a name or pattern
   *     matches no component
   */
  public List<String> select(Project project) {
    if (isEmpty()) {
      throw new UserException("no components selected; use -a, -p GLOB, -g GROUP or component names");
    }
    if (all) {
      return project.componentNames();
    }
    TreeSet<String> selected = new TreeSet<>();
    for (String group : groups) {
      if (!project.groups().containsKey(group)) {
        List<String> near = Suggestions.closest(group, project.groups().keySet());
        throw new UserException("unknown component group '" + group + "' ("
            + (near.isEmpty() ? "known: " + String.join(", ", project.groups().keySet()) : "did you mean " + quoted(near) + "?") + ")");
      }
      selected.addAll(project.groups().get(group).components());
    }
    List<String> globs = new ArrayList<>(patterns);
    globs.addAll(names);
    for (String pattern : globs) {
      if (project.hasComponent(pattern)) {
        selected.add(pattern);
        continue;
      }
      DoublestarGlob glob;
      try {
        glob = DoublestarGlob.compile(pattern);
      } catch (DoublestarGlob.InvalidGlobException e) {
        throw new UserException(e.getMessage());
      }
      List<String> matches = project.componentNames().stream().filter(glob::matches).toList();
      if (matches.isEmpty()) {
        throw new UserException(Suggestions.withHint("no component matches '" + pattern + "'", pattern, project.componentNames()));
      }
      selected.addAll(matches);
    }
    return List.copyOf(selected);
  }

  private static String quoted(List<String> names) {
    return String.join(" or ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
