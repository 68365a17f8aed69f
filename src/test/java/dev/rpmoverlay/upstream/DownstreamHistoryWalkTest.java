package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commits that changed each lock are found in one walk of a history without merges; they must
 * be exactly what {@code git log -- locks/NAME.lock} lists, merges or not.
 */
class DownstreamHistoryWalkTest {
  static final List<String> NAMES = List.of("a.lock", "b.lock", "c.lock", "d.lock", "e.lock");
  static final int SEEDS = Integer.getInteger("walk.seeds", 40);

  @TempDir Path project;
  int commits;

  void commit(Git git) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Dana", "dana@example.org", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * commits++), ZoneOffset.UTC);
    git.commit().setMessage("change " + commits).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
  }

  /** One random edit: add, rewrite, rewrite identically, delete, an unrelated file, or a directory named like a lock. */
  void edit(Random random) throws Exception {
    Path locks = Files.createDirectories(project.resolve("locks"));
    Path lock = locks.resolve(NAMES.get(random.nextInt(NAMES.size())));
    switch (random.nextInt(6)) {
      case 0, 1 -> {
        remove(lock);
        Files.writeString(lock, "fingerprint " + random.nextInt(3) + "\n");
      }
      case 2 -> remove(lock);
      case 3 -> Files.writeString(project.resolve("README"), "readme " + random.nextInt());
      case 4 -> {
        if (!Files.exists(lock)) {
          Files.createDirectories(lock);
          Files.writeString(lock.resolve("inner"), "x" + random.nextInt(2));
        }
      }
      default -> { /* an empty commit */ }
    }
  }

  static void remove(Path lock) throws Exception {
    if (Files.isDirectory(lock)) {
      Files.deleteIfExists(lock.resolve("inner"));
    }
    Files.deleteIfExists(lock);
  }

  List<String> gitLog(Git git, String rel) throws Exception {
    List<String> ids = new ArrayList<>();
    git.log().addPath(rel).call().forEach(c -> ids.add(c.name()));
    return ids;
  }

  List<String> walked(String rel) throws Exception {
    try (DownstreamHistory history = DownstreamHistory.open(project)) {
      return history.touching(rel).stream().map(RevCommit::name).toList();
    }
  }

  @Test
  void aLinearHistoryGivesWhatGitLogGivesForEveryLock() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      Path dir = Files.createDirectories(project.resolve("seed-" + seed));
      try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
        project = dir;
        for (int i = 0; i < 25; i++) {
          edit(random);
          commit(git);
        }
        for (String name : NAMES) {
          assertThat(walked("locks/" + name)).as("seed %d, %s", seed, name).isEqualTo(gitLog(git, "locks/" + name));
        }
      }
      project = dir.getParent();
    }
  }

  /** A commit dated {@code minutes} after the first; equal and out-of-order dates on purpose. */
  void commitAt(Git git, long minutes, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Dana", "dana@example.org", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * minutes), ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
  }

  @Test
  void randomHistoriesWithBranchesAndMergesGiveWhatGitLogGives() throws Exception {
    Path base = project;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Random random = new Random(seed);
      project = Files.createDirectories(base.resolve("merges-" + seed));
      try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
        List<String> branches = new ArrayList<>(List.of("main"));
        edit(random);
        commitAt(git, 0, "root");
        for (int step = 1; step < 50; step++) {
          long when = step / 4 - random.nextInt(2); // many equal dates, some earlier than a parent's
          switch (random.nextInt(5)) {
            case 0 -> {
              String name = "b" + step;
              git.branchCreate().setName(name).call();
              branches.add(name);
            }
            case 1 -> git.checkout().setName(branches.get(random.nextInt(branches.size()))).call();
            case 2 -> {
              String other = branches.get(random.nextInt(branches.size()));
              MergeStrategy strategy = List.of(MergeStrategy.RECURSIVE, MergeStrategy.OURS, MergeStrategy.THEIRS).get(random.nextInt(3));
              MergeResult r;
              try {
                r = git.merge().include(git.getRepository().resolve(other)).setStrategy(strategy).setCommit(false)
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF).call();
              } catch (org.eclipse.jgit.api.errors.JGitInternalException e) {
                git.reset().setMode(ResetCommand.ResetType.HARD).call(); // JGit cannot merge a file with a directory
                continue;
              }
              if (r.getMergeStatus() == MergeResult.MergeStatus.CONFLICTING || r.getMergeStatus() == MergeResult.MergeStatus.FAILED) {
                git.reset().setMode(ResetCommand.ResetType.HARD).call();
              } else if (r.getMergeStatus() == MergeResult.MergeStatus.MERGED_NOT_COMMITTED) {
                if (random.nextBoolean()) {
                  edit(random); // an "evil" merge that differs from every parent
                }
                commitAt(git, when, "merge " + other);
              }
            }
            default -> {
              edit(random);
              commitAt(git, when, "edit " + step);
            }
          }
        }
        for (String name : List.of("a.lock", "b.lock", "c.lock", "d.lock", "e.lock")) {
          assertThat(walked("locks/" + name)).as("seed %d, %s", seed, name).isEqualTo(gitLog(git, "locks/" + name));
        }
      }
    }
  }

  @Test
  void commitsWithTheSameDateComeInTheOrderGitLogGivesThem() throws Exception {
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(project.resolve("locks"));
      Files.writeString(project.resolve("locks/a.lock"), "root\n");
      commitAt(git, 0, "root");
      git.branchCreate().setName("side").call();
      Files.writeString(project.resolve("locks/a.lock"), "main\n");
      commitAt(git, 5, "main");
      git.checkout().setName("side").call();
      Files.writeString(project.resolve("locks/a.lock"), "side\n");
      commitAt(git, 5, "side");
      git.checkout().setName("main").call();
      git.merge().include(git.getRepository().resolve("side")).setStrategy(MergeStrategy.OURS).setCommit(false).call();
      Files.writeString(project.resolve("locks/a.lock"), "merged\n"); // differs from both parents
      commitAt(git, 6, "merge");
      assertThat(walked("locks/a.lock")).isEqualTo(gitLog(git, "locks/a.lock")).hasSize(4);
    }
  }

  @Test
  void aHistoryWithAMergeGivesWhatGitLogGives() throws Exception {
    Random random = new Random(7);
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < 5; i++) {
        edit(random);
        commit(git);
      }
      git.branchCreate().setName("side").call();
      for (int i = 0; i < 4; i++) {
        edit(random);
        commit(git);
      }
      git.checkout().setName("side").call();
      Files.createDirectories(project.resolve("locks"));
      Files.writeString(project.resolve("locks/zz.lock"), "side only\n");
      commit(git);
      git.checkout().setName("main").call();
      PersonIdent who = new PersonIdent("Dana", "dana@example.org", Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
      git.merge().include(git.getRepository().resolve("side")).setCommit(false).call();
      git.commit().setMessage("merge side").setAuthor(who).setCommitter(who).call();
      for (String name : List.of("a.lock", "b.lock", "c.lock", "d.lock", "e.lock", "zz.lock")) {
        assertThat(walked("locks/" + name)).as(name).isEqualTo(gitLog(git, "locks/" + name));
      }
      assertThat(walked("locks/zz.lock")).hasSize(1);
    }
  }
}
