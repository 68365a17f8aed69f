package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Distro;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.scaffold.ComponentScaffold;
import dev.rpmoverlay.scaffold.ScaffoldException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay add NAME...}: declares new components where the project keeps such declarations. */
@Command(
    name = "add",
    header = "Declare one or more new components in the project configuration.",
    description = {
      "Declare new components. Without options, a bare [components.NAME] line per name goes into the",
      "config file that already lists the most bare components (at its sorted position when that list is",
      "sorted). With --dedicated, NAME/NAME.comp.toml is created from templates/component.comp.toml.mustache",
      "under the directory whose config file includes *.comp.toml files; put overlays there.",
      "All or nothing: if any name is refused (it exists already, is given twice or is no usable name), or",
      "the project no longer loads with the new declarations, nothing is written.",
      "The components are then fetched with 'rpmoverlay update NAME...'."
    })
final class AddCommand extends BaseCommand {
  static final String TEMPLATE = "component.comp.toml";

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The component names (usually Fedora package names).")
  List<String> names;

  @Mixin ProjectLocking locking;

  @Option(names = "--dedicated", description = "Create a dedicated NAME/NAME.comp.toml instead of an inline entry.")
  boolean dedicated;

  @Override
  protected int execute() throws java.io.IOException {
    ProjectContext context = new ProjectContext(global(), err());
    Project project = context.project();
    Set<Path> extras = context.options().extraConfigFiles().stream()
        .map(p -> context.options().workingDir().resolve(p).toAbsolutePath().normalize())
        .collect(Collectors.toSet());
    ComponentScaffold scaffold = new ComponentScaffold(context.options(), extras);
    Path dir = project.dir().toAbsolutePath().normalize();
    try (var lock = locking.take(project, "add", err())) {
      if (dedicated) {
        Templates templates = Templates.withOverrides(project.dir().resolve("templates"));
        String distro = project.distro(project.defaultDistro().name()).map(Distro::description)
            .filter(d -> !d.isBlank()).orElse("this distro");
        for (Path written : scaffold.addDedicated(project, names,
            (name, key) -> templates.render(TEMPLATE, Map.of("name", name, "key", key, "distro", distro)))) {
          out().println("created " + dir.relativize(written.toAbsolutePath().normalize()));
        }
      } else {
        Path written = scaffold.addInline(project, names);
        out().println("added to " + dir.relativize(written.toAbsolutePath().normalize()) + ": " + String.join(" ", names));
      }
    } catch (ScaffoldException e) {
      throw new UserException(e.getMessage(), e);
    }
    String joined = String.join(" ", names);
    String selectors = names.stream().map(n -> "-p " + n).collect(Collectors.joining(" "));
    info("next: rpmoverlay update " + joined + " (pin and fill upstream-cache/), then rpmoverlay render " + selectors);
    return ExitCodes.OK;
  }
}
