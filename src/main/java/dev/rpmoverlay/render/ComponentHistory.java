package dev.rpmoverlay.render;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.release.DownstreamCommit;
import dev.rpmoverlay.release.HistoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LogCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * azldev's {@code component history} signals, read from the project's git repository with JGit
 * (HEAD's history only: no checkout, no {@code git} process): how many commits changed the files
 * that declare a component, and how many changed its lock's input fingerprint.
 */
public final class ComponentHistory implements AutoCloseable {

  /** One component's signals; {@code lastChange} is the newest of those commits' author dates. */
  public record Signals(int configCommits, int lockChanges, Optional<Instant> lastChange) {}

  private final Project project;
  private final Repository repo;
  private final Path workTree;
  // the committed lock history only (azldev's rule): a pending work-tree lock is not a commit
  private final LockHistoryBumps locks;

  private ComponentHistory(Project project, Repository repo, Path workTree) {
    this.project = project;
    this.repo = repo;
    this.workTree = workTree;
    this.locks = new LockHistoryBumps(project.info().lockDir(), false);
  }

  /** The history of the project's repository; empty when the project is not in a git work tree. */
  public static Optional<ComponentHistory> open(Project project) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(project.dir().toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try {
      Repository repo = builder.setMustExist(true).build();
      if (repo.isBare()) {
        repo.close();
        return Optional.empty();
      }
      return Optional.of(new ComponentHistory(project, repo, repo.getWorkTree().toPath().toRealPath()));
    } catch (IOException e) {
      throw new HistoryException(builder.getGitDir() + ": cannot open the git repository: " + e.getMessage(), e);
    }
  }

  public Signals of(ComponentConfig component) {
    List<DownstreamCommit> lockChanges;
    try {
      lockChanges = locks.apply(component);
    } catch (RenderException e) {
      throw new HistoryException(e.getMessage(), e);
    }
    List<RevCommit> commits = commitsTouching(component);
    Optional<Instant> last = commits.stream().map(c -> c.getAuthorIdent().getWhenAsInstant())
        .reduce((a, b) -> a.isAfter(b) ? a : b);
    for (DownstreamCommit c : lockChanges) {
      last = Optional.of(last.filter(l -> l.isAfter(c.date())).orElse(c.date()));
    }
    return new Signals(commits.size(), lockChanges.size(), last);
  }

  /** The commits of HEAD's history that changed any of the component's own files, each once. */
  private List<RevCommit> commitsTouching(ComponentConfig component) {
    TreeSet<String> paths = ownFiles(component);
    List<RevCommit> out = new ArrayList<>();
    try (Git git = new Git(repo)) {
      ObjectId head = repo.resolve("HEAD^{commit}");
      if (head == null || paths.isEmpty()) {
        return out;
      }
      LogCommand log = git.log().add(head);
      paths.forEach(log::addPath);
      log.call().forEach(out::add);
      return out;
    } catch (IOException | GitAPIException e) {
      throw new HistoryException(component.name() + ": cannot read the project history: " + e.getMessage(), e);
    }
  }

  /**
   * The repository paths of the file declaring {@code [components.NAME]} and of the component's own
   * overlays (those declared there or in overlay files) with their {@code source} files. Overlays
   * inherited from distro or group defaults are left out: their files are shared by many
   * components, and every commit to them would count for all.
   */
  private TreeSet<String> ownFiles(ComponentConfig component) {
    TreeSet<String> paths = new TreeSet<>();
    Path declaring = component.definedIn().file();
    add(paths, declaring);
    for (Overlay o : component.overlays()) {
      Path at = o.info().declaredAt().file();
      if (at == null || !(at.equals(declaring) || !project.configFiles().contains(at))) {
        continue;
      }
      add(paths, at);
      source(o).filter(s -> !s.isEmpty()).ifPresent(s -> add(paths, at.toAbsolutePath().getParent().resolve(s)));
    }
    return paths;
  }

  private static Optional<String> source(Overlay o) {
    if (o instanceof Overlay.PatchAdd p) {
      return Optional.of(p.source());
    }
    if (o instanceof Overlay.FileAdd f) {
      return Optional.of(f.source());
    }
    return Optional.empty();
  }

  /** Adds {@code file}'s path in the repository; a file outside the work tree has no history here. */
  private void add(TreeSet<String> paths, Path file) {
    if (file == null) {
      return;
    }
    Path abs = file.toAbsolutePath().normalize();
    try {
      if (Files.exists(abs)) {
        abs = abs.toRealPath();
      } else if (abs.getParent() != null && Files.isDirectory(abs.getParent())) {
        abs = abs.getParent().toRealPath().resolve(abs.getFileName());
      }
    } catch (IOException e) {
      return;
    }
    if (abs.startsWith(workTree) && !abs.equals(workTree)) {
      paths.add(workTree.relativize(abs).toString().replace('\\', '/'));
    }
  }

  @Override
  public void close() {
    locks.close();
    repo.close();
  }
}
