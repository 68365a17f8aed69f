package dev.rpmoverlay.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A package in a local git checkout, named the way rpmautospec takes it: a spec file, or a
 * directory {@code D} holding {@code D.spec}. Reads its history facts from the repository's HEAD.
 */
public final class LocalPackageHistory implements AutoCloseable {
  public final Path spec;
  public final String specText;
  private final Repository repo;
  private final String specPathInRepo;

  private LocalPackageHistory(Path spec, String specText, Repository repo, String specPathInRepo) {
    this.spec = spec;
    this.specText = specText;
    this.repo = repo;
    this.specPathInRepo = specPathInRepo;
  }

  public static LocalPackageHistory open(Path specOrDir) {
    Path given = specOrDir.toAbsolutePath().normalize();
    Path spec;
    if (Files.isDirectory(given)) {
      spec = given.resolve(given.getFileName() + ".spec");
    } else {
      if (!given.getFileName().toString().endsWith(".spec")) {
        throw new HistoryException(specOrDir + ": not a .spec file or a package directory");
      }
      spec = given;
    }
    if (!Files.isRegularFile(spec)) {
      throw new HistoryException(spec + ": spec file not found");
    }
    String text;
    try {
      text = Files.readString(spec, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HistoryException(spec + ": cannot read: " + e.getMessage(), e);
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(spec.getParent().toFile());
    if (builder.getGitDir() == null) {
      throw new HistoryException(spec.getParent() + ": not inside a git repository (rpmautospec computes from git history)");
    }
    Repository repo;
    try {
      repo = builder.setMustExist(true).build();
    } catch (IOException e) {
      throw new HistoryException(builder.getGitDir() + ": cannot open the git repository: " + e.getMessage(), e);
    }
    Path workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
    String relative = workTree.relativize(spec).toString().replace('\\', '/');
    return new LocalPackageHistory(spec, text, repo, relative);
  }

  public HistoryFacts facts() {
    try {
      ObjectId head = repo.resolve("HEAD^{commit}");
      if (head == null) {
        throw new HistoryException(repo.getWorkTree() + ": the repository has no commits yet");
      }
      return HistoryReader.read(repo, head, specPathInRepo);
    } catch (IncompleteHistoryException e) {
      throw new HistoryException(spec + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new HistoryException(spec + ": cannot read the git history: " + e.getMessage(), e);
    }
  }

  /**
   * Whether a tracked file differs from HEAD (rpmautospec would add an "Uncommitted changes"
   * entry). Untracked files do not count: rpmautospec diffs HEAD's tree against the work tree,
   * which leaves them out.
   */
  public boolean dirty() {
    try (Git git = new Git(repo)) {
      return git.status().call().hasUncommittedChanges();
    } catch (GitAPIException | JGitInternalException e) {
      // a damaged index (JGit: "Not a DIRC file"): git itself stops there too
      Throwable why = e.getCause() != null ? e.getCause() : e;
      throw new HistoryException(spec.getParent() + ": cannot read the work tree's status (" + why.getMessage()
          + "); run 'git status' there to see what is wrong, or pass -q, which skips the check", e);
    }
  }

  /** Files the spec {@code %include}s, from the work tree next to it. */
  public IncludeResolver includes() {
    Path dir = spec.getParent();
    return path -> {
      Path file = dir.resolve(path).normalize();
      if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return Optional.empty();
      }
    };
  }

  @Override
  public void close() {
    repo.close();
  }
}
