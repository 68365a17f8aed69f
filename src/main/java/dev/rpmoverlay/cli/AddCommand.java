package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Distro;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.scaffold.ComponentScaffold;
import dev.rpmoverlay.scaffold.ScaffoldException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay add NAME}: declares a new component where the project keeps such declarations. */
@Command(
    name = "add",
    header = "Declare a new component in the project configuration.",
    description = {
      "Declare a new component. Without options, a bare [components.NAME] line goes into the config file",
      "that already lists the most bare components (at its sorted position when that list is sorted).",
      "With --dedicated, NAME/NAME.comp.toml is created from templates/component.comp.toml.mustache",
      "under the directory whose config file includes *.comp.toml files; put overlays there.",
      "An existing component name is refused, and so is a change after which the project no longer loads.",
      "The component is then fetched with 'rpmoverlay update NAME'."
    })
final class AddCommand extends BaseCommand {
  static final String TEMPLATE = "component.comp.toml";

  @Parameters(paramLabel = "NAME", description = "The component name (usually the Fedora package name).")
  String name;

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
    Path written;
    try (var lock = locking.take(project, "add", err())) {
      if (dedicated) {
        Templates templates = Templates.withOverrides(project.dir().resolve("templates"));
        String distro = project.distro(project.defaultDistro().name()).map(Distro::description)
            .filter(d -> !d.isBlank()).orElse("this distro");
        written = scaffold.addDedicated(project, name,
            key -> templates.render(TEMPLATE, Map.of("name", name, "key", key, "distro", distro)));
      } else {
        written = scaffold.addInline(project, name);
      }
    } catch (ScaffoldException e) {
      throw new UserException(e.getMessage(), e);
    }
    Path shown = project.dir().toAbsolutePath().normalize().relativize(written.toAbsolutePath().normalize());
    out().println((dedicated ? "created " : "added to ") + shown);
    info("next: rpmoverlay update " + name + " (pin it and fill upstream-cache/), then rpmoverlay render -p " + name);
    return ExitCodes.OK;
  }
}
