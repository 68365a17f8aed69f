package dev.rpmoverlay.scaffold;

import dev.rpmoverlay.config.ProjectFinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code init}: writes a minimal project that loads, validates and renders: {@code rpmoverlay.toml},
 * {@code distro/distro.toml} (Fedora as upstream, plus the new distro taking its components from
 * one Fedora release), {@code components/components.toml} and a {@code .gitignore} for the
 * directories rpmoverlay writes and nobody commits. It never overwrites: a directory that already
 * holds a project, or any of these files, is refused before anything is written.
 */
public final class ProjectScaffold {
  /** A distro name usable as a bare TOML key and in file names. */
  private static final Pattern DISTRO_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern FEDORA_VERSION = Pattern.compile("[0-9]+|rawhide");

  /** What the new project is called and built from. */
  public record Settings(String distro, String fedoraVersion) {
    public Settings {
      if (!DISTRO_NAME.matcher(distro).matches()) {
        throw new ScaffoldException("'" + distro + "' is not a usable distro name: use lower-case letters, digits, '-' and '_',"
            + " starting with a letter or digit");
      }
      if (!FEDORA_VERSION.matcher(fedoraVersion).matches()) {
        throw new ScaffoldException("'" + fedoraVersion + "' is not a Fedora version: give a release number such as 43, or rawhide");
      }
    }
  }

  private ProjectScaffold() {}

  /** The files a new project consists of, relative to its directory, in the order they are written. */
  public static Map<String, String> files(Settings settings) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("rpmoverlay.toml", projectFile(settings));
    files.put("distro/distro.toml", distroFile(settings));
    files.put("components/components.toml", componentsFile(settings));
    files.put(".gitignore", gitignore());
    return files;
  }

  /**
   * Writes the project into {@code dir} (created if missing); returns the files written, relative
   * to it.
   */
  public static List<String> write(Path dir, Settings settings) throws IOException {
    for (String name : ProjectFinder.PROJECT_FILE_NAMES) {
      if (Files.exists(dir.resolve(name))) {
        throw new ScaffoldException(dir.resolve(name) + " exists: " + dir + " already holds a project (nothing was written)");
      }
    }
    Map<String, String> files = files(settings);
    for (String file : files.keySet()) {
      if (Files.exists(dir.resolve(file))) {
        throw new ScaffoldException(dir.resolve(file) + " exists; move it away or choose another directory (nothing was written)");
      }
    }
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      try {
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException raced) {
        throw new ScaffoldException(file + " appeared while init was writing; check the directory (" + written.size() + " file(s) written)");
      }
      written.add(e.getKey());
    }
    return written;
  }

  private static String projectFile(Settings s) {
    return """
        # The %1$s project: rpmoverlay renders its specs from Fedora dist-git plus the overlays under components/.
        # Written by 'rpmoverlay init'; the layout and TOML dialect are azldev's.

        includes = ["distro/distro.toml", "components/components.toml"]

        [project]
        description = "%1$s"
        default-distro = { name = "%1$s" }
        # 'rpmoverlay render -a' writes here; commit it and check it in CI with 'render -a --check'.
        rendered-specs-dir = "specs"
        """.formatted(s.distro());
  }

  private static String distroFile(Settings s) {
    String branch = s.fedoraVersion().equals("rawhide") ? "rawhide" : "f" + s.fedoraVersion();
    return """
        # Fedora, where the components come from, and %1$s, the distro this project builds.

        [distros.fedora]
        description = "Fedora Linux"
        default-version = "%2$s"
        dist-git-base-uri = "https://src.fedoraproject.org/rpms/$pkg.git"
        lookaside-base-uri = "https://src.fedoraproject.org/repo/pkgs/$pkg/$filename/$hashtype/$hash/$filename"

        [distros.fedora.versions.'%2$s']
        release-ver = "%2$s"
        dist-git-branch = "%3$s"

        [distros.%1$s]
        description = "%1$s"
        default-version = "1"

        [distros.%1$s.versions.'1']
        release-ver = "1"

        # Every component takes its spec from Fedora %2$s's dist-git. Add a snapshot date, e.g.
        # snapshot = "2026-02-24T00:00:00Z", so that 'update' pins what the branch held then instead of its tip.
        [distros.%1$s.versions.'1'.default-component-config]
        spec = { type = "upstream", upstream-distro = { name = "fedora", version = "%2$s" } }
        """.formatted(s.distro(), s.fedoraVersion(), branch);
  }

  private static String componentsFile(Settings s) {
    return """
        # %s components. 'rpmoverlay add NAME...' declares components here (a bare [components.NAME]
        # line each); 'rpmoverlay add --dedicated NAME' creates components/NAME/NAME.comp.toml for a
        # component with overlays, which the includes below pick up.

        includes = ["**/*.comp.toml"]
        """.formatted(s.distro());
  }

  private static String gitignore() {
    return """
        # rpmoverlay's working files (build/work: the dist-git mirrors, the project lock, render's record of verified cache files)
        /build/
        /out/
        # render's incremental state, stamp shortcut and output-dir lock, beside the rendered specs
        .rpmoverlay-render-state
        .rpmoverlay-render-shortcut
        .rpmoverlay-render-shortcut.tmp
        .rpmoverlay-lock
        """;
  }
}
