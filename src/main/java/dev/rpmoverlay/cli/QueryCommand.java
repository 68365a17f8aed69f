package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.ConfigTrees;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.review.SpecFacts;
import dev.rpmoverlay.spec.SpecDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpmoverlay query NAME...}: version, release, packages and dependencies of the rendered specs. */
@Command(
    name = "query",
    header = "Show the version, release, binary packages and BuildRequires of rendered specs.",
    description = {
      "Read each selected component's rendered spec (what 'render' last wrote to the output directory) and",
      "print its version, release, binary packages and BuildRequires; with --requires, each package's",
      "Requires too. Table output is one 'COMPONENT FIELD VALUE' row per fact; -O json gives one object per",
      "component, Requires included. Values are expanded with the spec's own %%global/%%define and tag macros",
      "(%%{name}, %%{version}, ...) and rpm's directory macros; optional macros the spec does not define",
      "(%%{?dist}) expand to nothing; anything else (%%autorelease, shell, Lua) is shown as written.",
      "Conditionals are not evaluated: dependencies of every %%if branch are listed. A component not",
      "rendered yet is reported and makes the exit code 1."
    })
public final class QueryCommand extends BaseCommand {
  @Mixin ComponentFilterOptions filter;

  @Option(names = "--requires", description = "Also list each binary package's Requires in the table.")
  boolean requires;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
      description = "Read the rendered specs from DIR (default: the project's rendered-specs-dir).")
  Path outputDir;

  @Override
  protected int execute() throws IOException {
    Project project = new ProjectContext(global(), err()).project();
    List<String> names = filter.select(project);
    Path base = outputDir != null ? outputDir.toAbsolutePath().normalize() : project.info().renderedSpecsDir();
    ConfigTrees trees = new ConfigTrees(project.dir());
    List<Object> json = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"COMPONENT", "FIELD", "VALUE"});
    int missing = 0;
    for (String name : names) {
      Path spec = base.resolve(project.info().renderedSpecsDir().relativize(project.renderedDirOf(name))).resolve(name + ".spec");
      if (!Files.isRegularFile(spec)) {
        err().println("rpmoverlay: " + name + ": not rendered yet (no " + trees.path(spec) + "); run 'rpmoverlay render " + name + "' first");
        missing++;
        continue;
      }
      SpecFacts facts = SpecFacts.of(SpecDocument.parse(Files.readAllBytes(spec)));
      json.add(json(name, facts));
      rows.addAll(rows(name, facts));
    }
    switch (global().outputFormat()) {
      case JSON -> JsonPrinter.print(out(), json);
      default -> Table.print(out(), rows.size() > 1 ? rows : List.of(), global().outputFormat());
    }
    return missing == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private List<String[]> rows(String component, SpecFacts facts) {
    List<String[]> rows = new ArrayList<>();
    if (!facts.epoch().isEmpty()) {
      rows.add(new String[] {component, "epoch", facts.epoch()});
    }
    rows.add(new String[] {component, "version", facts.version()});
    rows.add(new String[] {component, "release", facts.release()});
    for (SpecFacts.Package p : facts.packages()) {
      rows.add(new String[] {component, "package", p.name()});
    }
    for (String br : facts.buildRequires()) {
      rows.add(new String[] {component, "buildrequires", br});
    }
    if (requires) {
      for (SpecFacts.Package p : facts.packages()) {
        for (String r : p.requires()) {
          rows.add(new String[] {component, "requires", p.name() + ": " + r});
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> json(String component, SpecFacts facts) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("component", component);
    row.put("name", facts.name());
    row.put("epoch", facts.epoch());
    row.put("version", facts.version());
    row.put("release", facts.release());
    List<Object> packages = new ArrayList<>();
    for (SpecFacts.Package p : facts.packages()) {
      Map<String, Object> pkg = new LinkedHashMap<>();
      pkg.put("name", p.name());
      pkg.put("requires", p.requires());
      packages.add(pkg);
    }
    row.put("packages", packages);
    row.put("buildRequires", facts.buildRequires());
    return row;
  }
}
