package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.testing.FedoraDistGit;
import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.testing.LoopbackGitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outdated} against dist-git repositories served by a real git daemon on loopback. */
class OutdatedCommandTest {

  @TempDir Path tmp;
  Path server;
  Path project;
  LoopbackGitServer daemon;
  RevCommit curlAtSnapshot;
  RevCommit curlTip;

  @BeforeEach
  void setUp() throws Exception {
    server = Files.createDirectories(tmp.resolve("dist-git"));
    Path curl = FedoraDistGit.init(server, "curl");
    FedoraDistGit.commit(curl, "2026-01-01T00:00:00Z", "Import", "Name: curl\nVersion: 8.10\n");
    curlAtSnapshot = FedoraDistGit.commit(curl, "2026-01-02T00:00:00Z", "Update", "Name: curl\nVersion: 8.11\n");
    FedoraDistGit.commit(curl, "2026-03-01T00:00:00Z", "Update", "Name: curl\nVersion: 8.12\n");
    curlTip = FedoraDistGit.commit(curl, "2026-03-02T00:00:00Z", "Update", "Name: curl\nVersion: 8.13\n");
    FedoraDistGit.commit(FedoraDistGit.init(server, "bash"), "2026-01-01T00:00:00Z", "Import", "Name: bash\nVersion: 5.2\n");
    daemon = LoopbackGitServer.serve(server);
    project = Files.createDirectories(tmp.resolve("project"));
    FedoraProject.writeDownstream(project, daemon.baseUrl(), "2026-02-24T00:00:00Z");
    Files.writeString(project.resolve("azldev.toml"), Files.readString(project.resolve("azldev.toml")) + "curl = {}\nbash = {}\n");
    CliRun update = run("update", "-a");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
  }

  @AfterEach
  void stop() throws Exception {
    daemon.close();
  }

  CliRun run(String... args) {
    return CliRun.in(project, new String[] {args[0], "--mirror-dir=" + tmp.resolve("mirrors")}, Arrays.copyOfRange(args, 1, args.length));
  }

  @Test
  void aLockAtTheSnapshotIsShownBehindTheBranchTipWithItsCommitCount() {
    CliRun outdated = run("outdated");

    assertThat(outdated.exitCode()).as(outdated.err()).isZero();
    String locked = curlAtSnapshot.name().substring(0, 12);
    assertThat(outdated.out()).isEqualTo("""
        COMPONENT  STATUS    LOCKED        WANTED        LATEST        BEHIND
        curl       outdated  %s  %s  %s  2
        """.formatted(locked, locked, curlTip.name().substring(0, 12)));
    assertThat(outdated.err()).contains("2 components: 1 up to date, 1 outdated (2 commits behind in total)");
  }

  @Test
  void checkExitsOneWhenAnythingIsBehindAndZeroWhenNothingIs() throws Exception {
    assertThat(run("outdated", "--check").exitCode()).isEqualTo(1);
    assertThat(run("outdated", "--check", "bash").exitCode()).isZero();

    FedoraDistGit.commit(server.resolve("bash"), "2026-03-05T00:00:00Z", "Update", "Name: bash\nVersion: 5.3\n");

    CliRun bash = run("outdated", "--check", "bash");
    assertThat(bash.exitCode()).isEqualTo(1);
    assertThat(bash.out()).contains("bash       outdated").endsWith("  1\n");
  }

  @Test
  void jsonGivesFullCommitsForEveryComponent() throws Exception {
    CliRun json = CliRun.of("-C", project.toString(), "-O", "json", "outdated", "--mirror-dir=" + tmp.resolve("mirrors"));

    JsonNode rows = new ObjectMapper().readTree(json.out()).get("components");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("component").asText()).isEqualTo("bash");
    assertThat(rows.get(0).get("status").asText()).isEqualTo("up to date");
    assertThat(rows.get(0).get("behind").asInt()).isZero();
    JsonNode curl = rows.get(1);
    assertThat(curl.get("locked").asText()).isEqualTo(curlAtSnapshot.name());
    assertThat(curl.get("wanted").asText()).isEqualTo(curlAtSnapshot.name());
    assertThat(curl.get("latest").asText()).isEqualTo(curlTip.name());
    assertThat(curl.get("behind").asInt()).isEqualTo(2);
  }

  @Test
  void csvListsEveryComponent() {
    CliRun csv = CliRun.of("-C", project.toString(), "-O", "csv", "outdated", "--mirror-dir=" + tmp.resolve("mirrors"));

    assertThat(csv.out()).startsWith("COMPONENT,STATUS,LOCKED,WANTED,LATEST,BEHIND\r\nbash,up to date,");
  }

  @Test
  void aComponentWithoutALockIsNotLockedAndFailsTheCheck() throws Exception {
    Files.delete(project.resolve("locks/bash.lock"));

    CliRun outdated = run("outdated", "--check", "bash");

    assertThat(outdated.exitCode()).isEqualTo(1);
    assertThat(outdated.out()).contains("bash       not locked  -");
  }

  @Test
  void anUnreachableRepositoryIsAnErrorThatNamesTheComponent() throws Exception {
    Files.writeString(project.resolve("azldev.toml"), Files.readString(project.resolve("azldev.toml")) + "gone = {}\n");

    CliRun outdated = run("outdated", "--network-retries=0");

    assertThat(outdated.exitCode()).isEqualTo(1);
    assertThat(outdated.out()).contains("gone       error");
    assertThat(outdated.err()).contains("component 'gone' (" + daemon.baseUrl() + "gone, branch f43)")
        .contains("3 components: 1 up to date, 1 outdated (2 commits behind in total), 1 failed");
  }
}
