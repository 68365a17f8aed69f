package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.Components;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockHistoryBumpsTest {
  @TempDir Path project;

  void commitLock(Git git, String fingerprint, String message) throws Exception {
    Path lock = project.resolve("locks/demo.lock");
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, LockStore.format(new LockFile(LockFile.VERSION, "", "abc1234", 0, fingerprint, "")));
    git.add().addFilepattern("locks/demo.lock").call();
    PersonIdent who = new PersonIdent("Dev", "dev@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  @Test
  void countsTheCommitsThatChangedTheLocksFingerprint() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      commitLock(git, "sha256:1", "add lock");
      commitLock(git, "sha256:1", "no fingerprint change");
      commitLock(git, "sha256:2", "overlay change");
    }
    assertThat(new LockHistoryBumps(project.resolve("locks")).applyAsInt(Components.local("demo", project))).isEqualTo(2);
  }

  @Test
  void noLockMeansNoBump() {
    assertThat(new LockHistoryBumps(project.resolve("locks")).applyAsInt(Components.local("demo", project))).isZero();
  }

  @Test
  void aReadAheadGivesTheSameCountAsReadingWhenAsked() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      commitLock(git, "sha256:1", "add lock");
      commitLock(git, "sha256:2", "overlay change");
    }
    try (LockHistoryBumps bumps = new LockHistoryBumps(project.resolve("locks"))) {
      bumps.readAhead("demo");
      assertThat(bumps.applyAsInt(Components.local("demo", project))).isEqualTo(2);
    }
  }

  @Test
  void aReadAheadThatFailsLeavesTheErrorToTheCommandsOwnRead() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      commitLock(git, "sha256:1", "add lock");
    }
    Files.writeString(project.resolve(".git/shallow"), git(project).name() + "\n"); // the lock's only commit is a shallow boundary
    try (LockHistoryBumps bumps = new LockHistoryBumps(project.resolve("locks"))) {
      bumps.readAhead("demo");
      assertThatThrownBy(() -> bumps.applyAsInt(Components.local("demo", project)))
          .isInstanceOf(RenderException.class).hasMessageContaining("shallow");
    }
  }

  @Test
  void closingBeforeTheReadAheadStartedOpensNothingAfterwards() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      commitLock(git, "sha256:1", "add lock");
    }
    LockHistoryBumps bumps = new LockHistoryBumps(project.resolve("locks"));
    bumps.close();
    bumps.readAhead("demo"); // its thread finds the history closed and gives up
    assertThatThrownBy(() -> bumps.applyAsInt(Components.local("demo", project))).isInstanceOf(RenderException.class);
  }

  static org.eclipse.jgit.lib.ObjectId git(Path project) throws Exception {
    try (Git git = Git.open(project.toFile())) {
      return git.getRepository().resolve("HEAD");
    }
  }
}
