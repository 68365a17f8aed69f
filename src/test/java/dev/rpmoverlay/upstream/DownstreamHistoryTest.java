package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downstream changes come from the project's own history of a lock file's fingerprint. */
class DownstreamHistoryTest {

  @TempDir Path project;

  void commit(Git git, String when, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Dana Maintainer", "dana@example.org", Instant.parse(when), ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  void lock(String fingerprint, String upstream) throws Exception {
    Files.createDirectories(project.resolve("locks"));
    Files.writeString(project.resolve("locks/curl.lock"),
        LockStore.format(new LockFile(1, "a".repeat(40), upstream, 0, fingerprint, "sha256:r")));
  }

  @Test
  void everyCommitThatChangesTheFingerprintIsOneChangeOldestFirst() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).call()) {
      lock("sha256:1", "a".repeat(40));
      commit(git, "2026-04-30T10:00:00Z", "test: add initial lock files");
      Files.writeString(project.resolve("README"), "unrelated");
      commit(git, "2026-05-01T10:00:00Z", "docs: readme");
      lock("sha256:1", "a".repeat(40)); // rewritten identically: no commit content change
      lock("sha256:2", "b".repeat(40));
      commit(git, "2026-05-02T10:00:00Z", "curl: enable zstd\n\nBody text.");
      Files.writeString(project.resolve("locks/curl.lock"),
          Files.readString(project.resolve("locks/curl.lock")).replace("resolution-input-hash = \"sha256:r\"", "resolution-input-hash = \"sha256:s\""));
      commit(git, "2026-05-03T10:00:00Z", "curl: same fingerprint, other hash");
    }
    var changes = DownstreamHistory.changes(project.resolve("locks/curl.lock"));
    assertThat(changes).extracting(DownstreamChange::subject).containsExactly("test: add initial lock files", "curl: enable zstd");
    assertThat(changes.get(1).message()).isEqualTo("curl: enable zstd\n\nBody text.");
    assertThat(changes.get(1).authorName()).isEqualTo("Dana Maintainer");
    assertThat(changes.get(1).authorTime()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
    assertThat(changes.get(1).upstreamCommit()).isEqualTo("b".repeat(40));
  }

  @Test
  void aNewFingerprintSchemeAloneIsNotADownstreamChangeButLaterChangesAre() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).call()) {
      Files.createDirectories(project.resolve("locks"));
      Files.writeString(project.resolve("locks/curl.lock"),
          LockStore.format(new LockFile(1, "a".repeat(40), "a".repeat(40), 0, "sha256:old-scheme", "sha256:r", 1)));
      commit(git, "2026-04-30T10:00:00Z", "import curl");
      lock("sha256:new-scheme", "a".repeat(40));
      commit(git, "2026-05-01T10:00:00Z", "locks: rewrite with fingerprint scheme 2");
      lock("sha256:new-scheme-changed", "a".repeat(40));
      commit(git, "2026-05-02T10:00:00Z", "curl: enable zstd");
    }
    assertThat(DownstreamHistory.changes(project.resolve("locks/curl.lock"))).extracting(DownstreamChange::subject)
        .containsExactly("import curl", "curl: enable zstd");
  }

  @Test
  void aProjectOutsideGitHasNoChanges() throws Exception {
    lock("sha256:1", "a".repeat(40));
    assertThat(DownstreamHistory.changes(project.resolve("locks/curl.lock"))).isEmpty();
  }

  @Test
  void anUncommittedLockHasNoChanges() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).call()) {
      Files.writeString(project.resolve("README"), "x");
      commit(git, "2026-04-30T10:00:00Z", "init");
    }
    lock("sha256:1", "a".repeat(40));
    assertThat(DownstreamHistory.changes(project.resolve("locks/curl.lock"))).isEmpty();
  }
}
