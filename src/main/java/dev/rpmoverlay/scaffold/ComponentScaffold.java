package dev.rpmoverlay.scaffold;

import dev.rpmoverlay.config.TomlStrings;

import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.DoublestarGlob;
import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * {@code add}: declares a new component in the file where it belongs, and checks that the project
 * still loads with it. Inline, a bare {@code [components.NAME]} line goes into the config file that
 * already lists the most bare components (where the project keeps its unmodified imports); with a
 * dedicated file, {@code NAME/NAME.comp.toml} is created under the directory of the file whose
 * {@code includes} picks up such files.
 */
public final class ComponentScaffold {
  private final LoadOptions options;
  private final Set<Path> extraConfigFiles;

  /**
   * @param options how the project was loaded (the result is re-loaded the same way to check it)
   * @param extraConfigFiles absolute paths of {@code --config-file} files, which are never written
   */
  public ComponentScaffold(LoadOptions options, Set<Path> extraConfigFiles) {
    this.options = options;
    this.extraConfigFiles = Set.copyOf(extraConfigFiles);
  }

  /**
   * Adds a bare entry for each name, all or none: every name is checked before anything is
   * written, and if the project does not load with all of them the file is restored. Returns the
   * file written.
   */
  public Path addInline(Project project, List<String> names) {
    checkAll(project, names);
    Path file = inlineTarget(project);
    String before = read(file);
    String text = before;
    for (String name : names) {
      text = InlineEntryInserter.insert(text, name);
    }
    write(file, text);
    verify(names, () -> write(file, before));
    return file;
  }

  /**
   * Creates a dedicated comp file for each name, all or none (see {@link #addInline(Project,
   * List)}); {@code text} gives a file's content for the name and its TOML key. Returns the files
   * written, in the order of {@code names}.
   */
  public List<Path> addDedicated(Project project, List<String> names, BiFunction<String, String, String> text) {
    checkAll(project, names);
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      Path file = dedicatedTarget(project, name);
      if (Files.exists(file)) {
        throw new ScaffoldException(project.dir().relativize(file) + " already exists; remove it or add the component inline");
      }
      files.add(file);
    }
    List<Path> createdDirs = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    Runnable undo = () -> {
      try {
        for (Path file : written) {
          Files.deleteIfExists(file);
        }
        for (Path dir : createdDirs) {
          Files.deleteIfExists(dir);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    try {
      for (int i = 0; i < names.size(); i++) {
        Path file = files.get(i);
        if (!Files.isDirectory(file.getParent())) {
          Files.createDirectories(file.getParent());
          createdDirs.add(file.getParent());
        }
        write(file, text.apply(names.get(i), TomlStrings.key(names.get(i))));
        written.add(file);
      }
    } catch (IOException | UncheckedIOException e) {
      undo.run();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (UncheckedIOException) e;
    }
    verify(names, undo);
    return files;
  }

  private static void checkAll(Project project, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new ScaffoldException("'" + name + "' is given twice; name each component once");
      }
      check(project, name);
    }
  }

  private static void check(Project project, String name) {
    if (!dev.rpmoverlay.config.ReservedNames.isValidComponentName(name)) {
      throw new ScaffoldException("'" + name + "' is not a usable component name: use letters, digits and . _ + -, starting with a letter, digit or _ "
          + "(it names the spec, <name>.spec, and the output directory)");
    }
    if (project.hasComponent(name)) {
      throw new ScaffoldException("component '" + name + "' already exists (declared at "
          + project.declared(name).map(d -> relative(project, d.declaredAt().file()) + lineSuffix(d.declaredAt().line())).orElse("?")
          + "); edit that declaration instead");
    }
  }

  private Path inlineTarget(Project project) {
    Path best = project.projectFile();
    int bestCount = 0;
    for (Path file : ownFiles(project)) {
      int count = InlineEntryInserter.countBareEntries(read(file));
      if (count > bestCount) {
        best = file;
        bestCount = count;
      }
    }
    if (bestCount == 0) {
      // a new project ('init') has no bare entry yet: the components file is the one that includes comp files
      for (Path file : ownFiles(project)) {
        if (includes(file).stream().anyMatch(p -> p.endsWith(".comp.toml"))) {
          return file;
        }
      }
    }
    return best;
  }

  private Path dedicatedTarget(Project project, String name) {
    String relative = name + "/" + name + ".comp.toml";
    for (Path file : ownFiles(project)) {
      for (String pattern : includes(file)) {
        if (!pattern.endsWith(".comp.toml")) {
          continue;
        }
        DoublestarGlob glob;
        try {
          glob = DoublestarGlob.compile(pattern);
        } catch (DoublestarGlob.InvalidGlobException e) {
          continue;
        }
        if (glob.matches(relative)) {
          return file.getParent().resolve(name).resolve(name + ".comp.toml");
        }
      }
    }
    throw new ScaffoldException("no config file includes dedicated component files (for example "
        + "includes = [\"**/*.comp.toml\"] in components/components.toml); add one, or add the component without --dedicated");
  }

  private List<Path> ownFiles(Project project) {
    return project.configFiles().stream()
        .filter(f -> !extraConfigFiles.contains(f.toAbsolutePath().normalize()))
        .filter(f -> f.toAbsolutePath().normalize().startsWith(project.dir().toAbsolutePath().normalize()))
        .toList();
  }

  private static List<String> includes(Path file) {
    TomlParseResult toml = Toml.parse(read(file));
    if (toml.hasErrors() || !(toml.get(List.of("includes")) instanceof TomlArray array)) {
      return List.of();
    }
    return array.toList().stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  /** Re-loads the project; if it fails, or lacks a new component, undoes the change and reports why. */
  private void verify(List<String> names, Runnable undo) {
    Optional<String> problem;
    try {
      Project reloaded = ProjectLoader.load(options);
      problem = names.stream().filter(n -> !reloaded.hasComponent(n)).findFirst()
          .map(n -> "the project does not pick up the new declaration of '" + n + "' (is the file included?)");
    } catch (ConfigException e) {
      problem = Optional.of(e.getMessage());
    }
    if (problem.isPresent()) {
      undo.run();
      String what = names.size() == 1 ? "'" + names.get(0) + "'" : String.join(", ", names);
      throw new ScaffoldException("adding " + what + " would break the project, so nothing was changed: " + problem.get());
    }
  }

  private static String relative(Project project, Path file) {
    Path dir = project.dir().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(dir) ? dir.relativize(abs).toString() : abs.toString();
  }

  private static String lineSuffix(int line) {
    return line > 0 ? ":" + line : "";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
