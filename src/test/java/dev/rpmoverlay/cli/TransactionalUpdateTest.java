package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.CraftedCommit;
import dev.rpmoverlay.testing.CraftedCommit.Dir;
import dev.rpmoverlay.testing.CraftedCommit.File;
import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 8 and issue 12's transactional update: {@code update} verifies the new upstream tree
 * completely before it replaces anything, so a tree the cache cannot hold leaves the old cache
 * entry and the old lock exactly as they were.
 */
class TransactionalUpdateTest {
  static final String SPEC = "Name: curl\nVersion: 8.11\nRelease: 1\nSummary: x\nLicense: MIT\n\n%description\nx\n";

  @TempDir Path tmp;
  Path project;
  Path server;
  String lockBefore;
  String entryBefore;

  @BeforeEach
  void setUp() throws Exception {
    server = Files.createDirectories(tmp.resolve("dist-git"));
    try (Git curl = Git.init().setDirectory(server.resolve("curl").toFile()).setInitialBranch("f43").call()) {
      Files.writeString(server.resolve("curl/curl.spec"), SPEC);
      curl.add().addFilepattern("curl.spec").call();
      PersonIdent who = new PersonIdent("Packager", "p@example.org", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      curl.commit().setMessage("Import curl 8.11").setAuthor(who).setCommitter(who).call();
    }
    project = FedoraProject.write(tmp.resolve("project"), server.toUri().toString(), "curl");
    CliRun first = update();
    assertThat(first.exitCode()).as(first.err()).isZero();
    lockBefore = Files.readString(project.resolve("locks/curl.lock"));
    entryBefore = Files.readString(project.resolve("upstream-cache/curl/upstream.toml"));
  }

  CliRun update(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("-C", project.toString(), "update", "-a", "--force-recalculate",
        "--mirror-dir", tmp.resolve("mirrors").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  void pushTree(List<CraftedCommit.Entry> tree) throws Exception {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(server.resolve("curl/.git").toFile()).build()) {
      CraftedCommit.onto(repo, "f43", Instant.parse("2026-01-05T00:00:00Z"), "Crafted", tree);
    }
  }

  void assertOldLockAndEntryUntouched() throws Exception {
    assertThat(Files.readString(project.resolve("locks/curl.lock"))).isEqualTo(lockBefore);
    assertThat(Files.readString(project.resolve("upstream-cache/curl/upstream.toml"))).isEqualTo(entryBefore);
    assertThat(UpstreamCache.open(project.resolve("upstream-cache")).entry("curl").file("curl.spec")).isPresent();
    try (Stream<Path> s = Files.list(project.resolve("upstream-cache"))) {
      assertThat(s.map(p -> p.getFileName().toString())).as("no staging dir or entry set aside is left").containsExactly("curl");
    }
    try (Stream<Path> s = Files.list(project.resolve("locks"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("curl.lock");
    }
  }

  @Test
  void aTreeWithADuplicatedEntryFailsTheComponentAndKeepsTheOldEntryAndLock() throws Exception {
    pushTree(List.of(new File("curl.spec", SPEC.replace("8.11", "8.12")), new File("curl.spec", "Name: evil\n")));

    CliRun run = update();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("component 'curl' (" + server.toUri() + "curl, branch f43)", "the tree holds 'curl.spec' twice",
        "lock and cache entry kept at " + lockedCommit().substring(0, 12));
    assertThat(run.err()).contains("0 lock(s) written");
    assertOldLockAndEntryUntouched();
  }

  @Test
  void aTreeEntryNamedDotDotIsRefusedNamingTheComponentAndTheRepository() throws Exception {
    pushTree(List.of(new File("curl.spec", SPEC), new Dir("..", List.of(new File("escaped", "x\n")))));

    CliRun run = update();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("component 'curl'", server.toUri() + "curl", "'..");
    assertThat(run.err()).doesNotContain("internal error");
    assertThat(tmp.resolve("project/escaped")).doesNotExist();
    assertOldLockAndEntryUntouched();
  }

  String lockedCommit() {
    return lockBefore.replaceAll("(?s).*upstream-commit = \"([0-9a-f]{40})\".*", "$1");
  }
}
