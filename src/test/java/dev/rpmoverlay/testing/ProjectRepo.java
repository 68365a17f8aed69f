package dev.rpmoverlay.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** The project's own git repository in a test: what a CI job's {@code git add -A && git commit} does. */
public final class ProjectRepo {
  private ProjectRepo() {}

  /** Stages every change under {@code dir} (new, changed and deleted files) and commits it at {@code when}. */
  public static void commitAll(Path dir, Instant when, String message) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent who = new PersonIdent("CI Bot", "ci@example.org", when, ZoneOffset.UTC);
      git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }
  }
}
