package dev.rpmoverlay.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Fedora-like dist-git repositories for pipeline tests: one work-tree repository per package on
 * branch {@code f43}, whose commits (with the dates given) change {@code NAME.spec}. Serve the
 * directory with {@link LoopbackGitServer}.
 */
public final class FedoraDistGit {
  private FedoraDistGit() {}

  /** Creates an empty repository {@code root/name} on branch f43. */
  public static Path init(Path root, String name) throws Exception {
    Path repo = root.resolve(name);
    Git.init().setDirectory(repo.toFile()).setInitialBranch("f43").call().close();
    return repo;
  }

  /** Commits {@code spec} as {@code NAME.spec} of {@code repo}, authored and committed at {@code when}. */
  public static RevCommit commit(Path repo, String when, String message, String spec) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      Files.writeString(repo.resolve(repo.getFileName() + ".spec"), spec);
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Fedora Packager", "packager@fedoraproject.org", Instant.parse(when), ZoneOffset.UTC);
      return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }
  }

  /** A spec with a static Release and a {@code %build} that runs {@code %configure BUILD_FLAGS}. */
  public static String staticSpec(String name, String version, String buildFlags) {
    return """
        Name: %s
        Version: %s
        Release: 1%%{?dist}
        Summary: %s
        License: MIT

        %%description
        %s.

        %%build
        %%configure %s
        %%make_build

        %%changelog
        * Thu Jan 01 2026 Fedora Packager <packager@fedoraproject.org> - %s-1
        - Update to %s
        """.formatted(name, version, name, name, buildFlags, version, version);
  }

  /** A spec with {@code %autorelease} and {@code %autochangelog}. */
  public static String autoSpec(String name, String version) {
    return """
        Name: %s
        Version: %s
        Release: %%autorelease
        Summary: %s
        License: MIT

        %%description
        %s.

        %%changelog
        %%autochangelog
        """.formatted(name, version, name, name);
  }
}
