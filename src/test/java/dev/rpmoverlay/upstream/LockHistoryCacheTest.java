package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which commits changed a lock is kept in the git dir for the next command with the same HEAD,
 * shallow set and build; any other command walks the history again and sees every change.
 */
class LockHistoryCacheTest {
  static final String BUILD = "build-1";

  @TempDir Path project;
  Git git;
  Path keptFile;

  @BeforeEach
  void twoChangesOfCurl() throws Exception {
    git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call();
    keptFile = project.resolve(".git").resolve(LockHistoryCache.DIR).resolve(LockHistoryCache.FILE_NAME);
    lock("sha256:1");
    commit("2026-04-30T10:00:00Z", "import curl");
    Files.writeString(project.resolve("README"), "unrelated");
    commit("2026-05-01T10:00:00Z", "docs: readme");
    lock("sha256:2");
    commit("2026-05-02T10:00:00Z", "curl: enable zstd");
  }

  void commit(String when, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Dana", "dana@example.org", Instant.parse(when), ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  void lock(String fingerprint) throws Exception {
    Files.createDirectories(project.resolve("locks"));
    Files.writeString(project.resolve("locks/curl.lock"),
        LockStore.format(new LockFile(1, "a".repeat(40), "a".repeat(40), 0, fingerprint, "sha256:r")));
  }

  List<String> subjects(String build) throws Exception {
    try (DownstreamHistory history = DownstreamHistory.open(project, build)) {
      return history.changesOf(project.resolve("locks/curl.lock"), false).stream().map(DownstreamChange::subject).toList();
    }
  }

  List<String> touching(String build) throws Exception {
    try (DownstreamHistory history = DownstreamHistory.open(project, build)) {
      return history.touching("locks/curl.lock").stream().map(RevCommit::getShortMessage).toList();
    }
  }

  /** Rewrites the kept file to name only the newest commit for curl's lock, so a test can see whether it is read. */
  void keepOnlyNewestCommit() throws Exception {
    String newest = git.getRepository().resolve("HEAD").name();
    String text = Files.readString(keptFile);
    Files.writeString(keptFile, text.replaceAll("(?m)^(locks/curl\\.lock\t).*$", "$1" + newest));
  }

  @Test
  void theFirstCommandKeepsWhatItWalkedAndTheNextWithTheSameHeadReadsIt() throws Exception {
    assertThat(subjects(BUILD)).containsExactly("import curl", "curl: enable zstd");
    assertThat(keptFile).exists();
    assertThat(Files.readString(keptFile)).contains("head " + git.getRepository().resolve("HEAD").name(), "locks/curl.lock\t");

    keepOnlyNewestCommit();
    assertThat(touching(BUILD)).containsExactly("curl: enable zstd"); // read from the file, not walked
  }

  @Test
  void aCommitThatTouchedSeveralLocksIsReadOnceForAll() throws Exception {
    Files.writeString(project.resolve("locks/zlib.lock"), Files.readString(project.resolve("locks/curl.lock")));
    lock("sha256:3");
    commit("2026-05-03T10:00:00Z", "rebuild curl and zlib");
    try (DownstreamHistory history = DownstreamHistory.open(project, BUILD)) {
      history.touching("locks/curl.lock");
      history.touching("locks/zlib.lock");
    }
    try (DownstreamHistory history = DownstreamHistory.open(project, BUILD)) {
      RevCommit forCurl = history.touching("locks/curl.lock").get(0);
      RevCommit forZlib = history.touching("locks/zlib.lock").get(0);
      assertThat(forCurl.getShortMessage()).isEqualTo("rebuild curl and zlib");
      assertThat(forZlib).isSameAs(forCurl);
    }
  }

  @Test
  void aNewCommitThatChangesTheLockIsSeenByTheNextCommand() throws Exception {
    assertThat(subjects(BUILD)).containsExactly("import curl", "curl: enable zstd");
    lock("sha256:3");
    commit("2026-05-03T10:00:00Z", "curl: security fix");
    assertThat(subjects(BUILD)).containsExactly("import curl", "curl: enable zstd", "curl: security fix");
    assertThat(Files.readString(keptFile)).contains("head " + git.getRepository().resolve("HEAD").name());
  }

  @Test
  void anotherBuildOfRpmoverlayWalksAgain() throws Exception {
    subjects(BUILD);
    keepOnlyNewestCommit();
    assertThat(touching("build-2")).containsExactly("curl: enable zstd", "import curl");
  }

  @Test
  void aDamagedFileIsIgnoredAndReplaced() throws Exception {
    subjects(BUILD);
    String text = Files.readString(keptFile);
    Files.writeString(keptFile, text.substring(0, text.length() - 10)); // cut short
    assertThat(touching(BUILD)).containsExactly("curl: enable zstd", "import curl");
    assertThat(Files.readString(keptFile)).isEqualTo(text);
  }

  @Test
  void aFileNamingCommitsThisRepositoryLacksIsNotTrusted() throws Exception {
    subjects(BUILD);
    String text = Files.readString(keptFile);
    Files.writeString(keptFile, text.replaceAll("(?m)^(locks/curl\\.lock\t).*$", "$1" + "0123456789".repeat(4)));
    assertThat(touching(BUILD)).containsExactly("curl: enable zstd", "import curl");
  }

  @Test
  void withoutABuildIdentityNothingIsKept() throws Exception {
    assertThat(touching(null)).containsExactly("curl: enable zstd", "import curl");
    assertThat(keptFile).doesNotExist();
  }

  @Test
  void aFileThatCannotBeWrittenOnlyMeansTheNextCommandWalksAgain() throws Exception {
    Files.writeString(keptFile.getParent(), "not a directory"); // .git/rpmoverlay
    assertThat(subjects(BUILD)).containsExactly("import curl", "curl: enable zstd");
    assertThat(subjects(BUILD)).containsExactly("import curl", "curl: enable zstd");
  }

  @Test
  void aSaveRemovesWhatAKilledSaveLeftBehindButNotWhatARunningOneIsWriting() throws Exception {
    Files.createDirectories(keptFile.getParent());
    Path killed = keptFile.resolveSibling(LockHistoryCache.FILE_NAME + ".123.tmp");
    Path running = keptFile.resolveSibling(LockHistoryCache.FILE_NAME + ".456.tmp");
    Files.writeString(killed, "half");
    Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(LockHistoryCache.STALE_AFTER).minusSeconds(60)));
    Files.writeString(running, "half");

    assertThat(subjects(BUILD)).containsExactly("import curl", "curl: enable zstd");

    assertThat(keptFile).exists();
    assertThat(killed).doesNotExist();
    assertThat(running).exists();
  }

  @AfterEach
  void close() {
    git.close();
  }
}
