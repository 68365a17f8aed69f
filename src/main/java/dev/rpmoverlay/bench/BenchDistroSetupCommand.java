package dev.rpmoverlay.bench;

import dev.rpmoverlay.cli.BaseCommand;
import dev.rpmoverlay.cli.ExitCodes;
import dev.rpmoverlay.cli.TreeCopy;
import dev.rpmoverlay.cli.UserException;
import dev.rpmoverlay.cli.UpstreamComponents;
import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.upstream.CacheEntryWriter;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.LockSubject;
import dev.rpmoverlay.upstream.LockValidator;
import dev.rpmoverlay.upstream.ResolvedCommit;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rpmoverlay bench distro-setup}: prepares the full-distro benchmark (docs/benchmarks.md).
 * Copies a project (default: the AZL4 conformance project, 7,583 components) to a work dir and
 * fills its upstream cache from a spec corpus with the real {@link CacheEntryWriter}, one commit
 * per component in an in-memory repository, and writes the locks {@code update} would write. The
 * corpus has spec files only, so sidecars that overlays name are stubbed, and a component whose
 * spec the corpus lacks gets a stub spec.
 */
@Command(
    name = "distro-setup",
    description = {
      "Copy PROJECT to WORK/project and write its upstream cache (docs/upstream-cache.md) from CORPUS/<upstream-name>.spec,"
          + " and the lock 'update' would write for every component; sidecars named by file overlays are stubbed. Prints how many specs came from the corpus and how many were stubbed."
    })
final class BenchDistroSetupCommand extends BaseCommand {

  @Option(names = "--source-project", paramLabel = "DIR", required = true, description = "Project to copy (e.g. ../shared/conformance/azldev/project).")
  Path sourceProject;

  @Option(names = "--corpus", paramLabel = "DIR", required = true, description = "Directory of <package>.spec files (extract.sh DEST gives DEST/specs).")
  Path corpus;

  @Option(names = "--work", paramLabel = "DIR", required = true, description = "Work dir; WORK/project is (re)created.")
  Path work;

  static final Instant COMMIT_TIME = Instant.parse("2026-02-24T00:00:00Z");

  @Override
  protected int execute() throws IOException {
    if (!Files.isDirectory(corpus) || !Files.isDirectory(sourceProject)) {
      throw new UserException("--corpus and --source-project must be directories");
    }
    Path project = work.resolve("project");
    long t0 = System.nanoTime();
    deleteTree(project);
    TreeCopy.copy(sourceProject, project, Set.of());
    Project p = ProjectLoader.load(LoadOptions.of(project).withPermissive(true));
    info(String.format(Locale.ROOT, "copied and loaded the project in %.1f s", (System.nanoTime() - t0) / 1e9));
    UpstreamCache cache = UpstreamCache.open(p.info().upstreamCacheDir());
    CacheEntryWriter writer = new CacheEntryWriter(cache, Optional.empty());
    LockStore locks = new LockStore(p.info().lockDir());
    LockValidator validator = new LockValidator(locks);
    List<UpstreamComponents.Selected> selected = UpstreamComponents.of(p, p.componentNames());
    int fromCorpus = 0;
    int stubSpecs = 0;
    int stubSidecars = 0;
    int local = 0;
    try (InMemoryDistGit git = new InMemoryDistGit()) {
      for (UpstreamComponents.Selected s : selected) {
        LockSubject subject = UpstreamComponents.lockSubject(s, UpstreamComponents.DEFAULT_COMPAT);
        if (s.upstream().isEmpty()) {
          locks.write(s.name(), validator.expected(subject, "", Optional.empty()));
          local++;
          continue;
        }
        Map<String, byte[]> files = new TreeMap<>();
        String specName = s.upstream().get().upstreamName() + ".spec";
        Path spec = corpus.resolve(specName);
        if (Files.isRegularFile(spec)) {
          files.put(specName, Files.readAllBytes(spec));
          fromCorpus++;
        } else {
          files.put(specName, stubSpec(s.upstream().get().upstreamName()).getBytes(StandardCharsets.UTF_8));
          stubSpecs++;
        }
        stubSidecars += stubSidecars(s.config(), files);
        ResolvedCommit commit = git.commit(files, Set.of(), COMMIT_TIME);
        writer.write(git.repository(), s.upstream().get(), commit);
        // what 'update' would write, so render's lock gate passes (and is part of what is measured).
        // A pinned commit cannot be made from the corpus, so that lock names the pin while the
        // entry holds the synthetic commit: render reads the entry either way.
        String pin = s.upstream().get().pinnedCommit();
        String locked = pin.length() == 40 ? pin.toLowerCase(Locale.ROOT) : commit.commit();
        locks.write(s.name(), validator.expected(subject, locked, Optional.empty()));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out().printf(Locale.ROOT, "project:        %s%n", project);
    out().printf(Locale.ROOT, "components:     %d (%d local)%n", selected.size(), local);
    out().printf(Locale.ROOT, "specs:          %d from the corpus, %d stubbed (not in the corpus)%n", fromCorpus, stubSpecs);
    out().printf(Locale.ROOT, "stub sidecars:  %d%n", stubSidecars);
    out().printf(Locale.ROOT, "seconds:        %.1f%n", seconds);
    return ExitCodes.OK;
  }

  /** A minimal valid spec for a package the corpus lacks. */
  static String stubSpec(String name) {
    return "Name: " + name + "\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: stub for " + name
        + "\nLicense: MIT\n\n%description\nStub.\n\n%prep\n\n%build\n\n%install\n\n%check\n\n%files\n\n%changelog\n"
        + "* Tue Feb 24 2026 bench <bench@rpmoverlay.invalid> - 1.0-1\n- stub\n";
  }

  /** Adds an empty file for every literal (non-glob) path a file overlay edits, so the overlay has a target. */
  private static int stubSidecars(ComponentConfig c, Map<String, byte[]> files) {
    int added = 0;
    for (Overlay o : c.overlays()) {
      String target = o instanceof Overlay.FilePrependLines f ? f.file()
          : o instanceof Overlay.FileSearchReplace f && f.archive().isEmpty() ? f.file()
          : o instanceof Overlay.FileRemove f && f.archive().isEmpty() ? f.file()
          : o instanceof Overlay.FileRename f ? f.file()
          : "";
      if (!target.isEmpty() && !target.matches(".*[*?\\[{].*") && !target.endsWith(".spec") && !target.contains("\\")
          && !files.containsKey(target)) {
        String stub = o instanceof Overlay.FileSearchReplace f ? f.regex() : "";
        files.put(target, (stub + "\n").getBytes(StandardCharsets.UTF_8));
        added++;
      }
    }
    return added;
  }


  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all = new ArrayList<>();
    try (var s = Files.walk(dir)) {
      s.forEach(all::add);
    }
    for (int i = all.size() - 1; i >= 0; i--) {
      Files.delete(all.get(i));
    }
  }
}
