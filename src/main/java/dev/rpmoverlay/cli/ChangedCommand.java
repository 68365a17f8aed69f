package dev.rpmoverlay.cli;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.review.ChangedComponents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rpmoverlay changed}: the components whose inputs or rendered output changed between two commits. */
@Command(
    name = "changed",
    description = {
      "List the components whose inputs or rendered output changed between two commits of the project.",
      "Inputs are a component's lock file (its input fingerprint covers the config and overlay files) and its",
      "upstream cache entry; output is its rendered dir. Read from git objects: nothing is checked out, the",
      "work tree and uncommitted changes are not looked at. A component whose rendered output changed while",
      "its inputs did not is an error (a hand edit of the output, or a render that is not deterministic).",
      "For a CI job that rebuilds what changed: 'rpmoverlay -O json changed --from origin/main'."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  the list was printed, no anomaly",
      "  1  some component's rendered output changed while its inputs did not",
      "  2  usage or configuration error (an unknown ref, a project outside git)"
    })
public final class ChangedCommand extends BaseCommand {

  @Option(names = "--from", paramLabel = "REF", required = true,
      description = "The commit to compare from (anything git accepts: a branch, a tag, HEAD~2, a hash).")
  String from;

  @Option(names = "--to", paramLabel = "REF", description = "The commit to compare to (default: ${DEFAULT-VALUE}).")
  String to = "HEAD";

  @Override
  protected int execute() throws IOException {
    Project project = new ProjectContext(global(), err()).project();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(project.dir().toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new UserException(project.dir() + " is not in a git repository; 'changed' compares two of its commits");
    }
    List<ChangedComponents.Row> rows;
    String fromId;
    String toId;
    try (Repository repo = builder.setMustExist(true).build()) {
      if (repo.isBare()) {
        throw new UserException(builder.getGitDir() + " is a bare repository; run 'changed' in a work tree of the project");
      }
      Path workTree = repo.getWorkTree().toPath().toRealPath();
      ChangedComponents.Layout layout;
      try {
        layout = ChangedComponents.Layout.of(workTree, real(project.info().lockDir()), real(project.info().upstreamCacheDir()),
            real(project.info().renderedSpecsDir()));
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage() + "; 'changed' reads the lock, cache and rendered dirs from git");
      }
      ObjectId a = commit(repo, from, "--from");
      ObjectId b = commit(repo, to, "--to");
      fromId = a.name();
      toId = b.name();
      rows = ChangedComponents.between(repo, a, b, layout);
    }
    print(rows);
    List<ChangedComponents.Row> anomalies = rows.stream().filter(ChangedComponents.Row::anomaly).toList();
    for (ChangedComponents.Row r : anomalies) {
      err().println(ErrorReporter.prefix("component '" + r.component() + "': its rendered output changed between " + from
          + " and " + to + " but its inputs (lock, upstream cache entry) did not: a hand edit of the output or a render that"
          + " is not deterministic; run 'rpmoverlay render " + r.component() + "' and commit what it writes"));
    }
    info(rows.size() + " component" + (rows.size() == 1 ? "" : "s") + " changed between " + from + " (" + fromId.substring(0, 12)
        + ") and " + to + " (" + toId.substring(0, 12) + ")" + (anomalies.isEmpty() ? "" : ", " + anomalies.size()
        + " with output changed but not inputs"));
    return anomalies.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** The real path of a dir that may not exist (its nearest existing parent made real), to compare with the work tree. */
  private static Path real(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
  }

  private static ObjectId commit(Repository repo, String ref, String option) throws IOException {
    ObjectId id;
    try {
      id = repo.resolve(ref + "^{commit}");
    } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
      id = null;
    }
    if (id == null) {
      throw new UserException(option + ": '" + ref + "' names no commit in " + repo.getWorkTree()
          + " (a branch, tag, HEAD~N or commit hash; a shallow CI clone may need 'git fetch --unshallow')");
    }
    return id;
  }

  private void print(List<ChangedComponents.Row> rows) {
    OutputFormat format = global().outputFormat();
    if (format == OutputFormat.JSON) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (ChangedComponents.Row r : rows) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("component", r.component());
        n.put("change", r.change().label());
        n.put("inputsChanged", r.inputs());
        n.put("outputChanged", r.output());
        n.put("anomaly", r.anomaly());
        n.put("paths", r.paths());
        list.add(n);
      }
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("from", from);
      root.put("to", to);
      root.put("components", list);
      JsonPrinter.print(out(), root);
      return;
    }
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"COMPONENT", "CHANGE", "INPUTS", "OUTPUT"});
    for (ChangedComponents.Row r : rows) {
      table.add(new String[] {r.component(), r.change().label(), r.inputs() ? "changed" : "-",
          r.output() ? (r.anomaly() ? "changed (inputs did not!)" : "changed") : "-"});
    }
    if (table.size() > 1) {
      Table.print(out(), table, format);
    }
  }
}
