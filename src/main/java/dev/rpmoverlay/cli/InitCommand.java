package dev.rpmoverlay.cli;

import dev.rpmoverlay.scaffold.ProjectScaffold;
import dev.rpmoverlay.scaffold.ScaffoldException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpmoverlay init [DIR]}: writes a minimal new project. */
@Command(
    name = "init",
    header = "Start a new project: write a minimal configuration that takes its components from Fedora.",
    description = {
      "Write a new project into DIR (default: the working directory, or -C's; created if missing):",
      "rpmoverlay.toml, distro/distro.toml (Fedora as upstream, and the new distro taking every component",
      "from one Fedora release), components/components.toml, and a .gitignore for build/ (the work dir with",
      "the dist-git mirrors and the project lock), out/ and render's state files. Nothing is overwritten: a",
      "directory that holds a project already, or any of these files, is refused. Then declare components",
      "with 'rpmoverlay add NAME...', pin them with 'rpmoverlay update NAME...' and 'rpmoverlay render -a'."
    })
public final class InitCommand extends BaseCommand {
  @Parameters(paramLabel = "DIR", arity = "0..1", description = "Directory of the new project.")
  Path dir;

  @Option(names = "--distro", paramLabel = "NAME",
      description = "Name of the new distro (default: DIR's name in lower case, when usable, else 'mydistro').")
  String distro;

  @Option(names = "--fedora-version", paramLabel = "VERSION", defaultValue = "43",
      description = "Fedora release the components come from: a number or rawhide (default: ${DEFAULT-VALUE}).")
  String fedoraVersion;

  @Override
  protected int execute() throws IOException {
    // -C works as in git and make: as if started there, so a relative DIR is below it
    Path base = global().projectDir() != null ? global().projectDir() : Path.of("");
    Path target = (dir != null ? base.resolve(dir) : base).toAbsolutePath().normalize();
    List<String> written;
    try {
      written = ProjectScaffold.write(target, new ProjectScaffold.Settings(distro != null ? distro : defaultDistro(target), fedoraVersion));
    } catch (ScaffoldException e) {
      throw new UserException(e.getMessage(), e);
    }
    Path shown = Path.of("").toAbsolutePath().relativize(target);
    String prefix = shown.toString().isEmpty() ? "" : shown + "/";
    for (String file : written) {
      out().println("created " + prefix + file);
    }
    String cd = shown.toString().isEmpty() ? "" : "cd " + shown + " && ";
    info("next: " + cd + "rpmoverlay add NAME... && rpmoverlay update NAME... && rpmoverlay render -a");
    return ExitCodes.OK;
  }

  private static String defaultDistro(Path target) {
    Path name = target.getFileName();
    String candidate = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return candidate.matches("[a-z0-9][a-z0-9_-]*") ? candidate : "mydistro";
  }
}
