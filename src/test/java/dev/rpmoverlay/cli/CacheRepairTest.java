package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.UpstreamException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 items 5, 13 and 15: a damaged upstream cache entry is repaired by the command its error
 * names, {@code history.json} is covered by the entry's hashes, and an entry left aside by a fetch
 * killed between its two renames is put back by the next command.
 */
class CacheRepairTest {
  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void setUp() throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    try (Git curl = Git.init().setDirectory(server.resolve("curl").toFile()).setInitialBranch("f43").call()) {
      Files.writeString(server.resolve("curl/curl.spec"),
          "Name: curl\nVersion: 8.11\nRelease: %autorelease\nSummary: x\nLicense: MIT\n\n%description\nx\n\n%changelog\n%autochangelog\n");
      curl.add().addFilepattern("curl.spec").call();
      PersonIdent who = new PersonIdent("Packager", "p@example.org", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      curl.commit().setMessage("Import curl 8.11").setAuthor(who).setCommitter(who).call();
    }
    project = FedoraProject.write(tmp.resolve("project"), server.toUri().toString(), "curl");
    CliRun first = fetch("-a");
    assertThat(first.exitCode()).as(first.err()).isZero();
  }

  CliRun fetch(String... args) {
    return CliRun.in(project, new String[] {"fetch", "--mirror-dir", tmp.resolve("mirrors").toString()}, args);
  }

  Path entry() {
    return project.resolve("upstream-cache/curl");
  }

  UpstreamCache cache() {
    return UpstreamCache.open(project.resolve("upstream-cache"));
  }

  void flipABit() throws Exception {
    Path spec = entry().resolve("files/curl.spec");
    byte[] bytes = Files.readAllBytes(spec);
    bytes[0] ^= 1;
    Files.write(spec, bytes);
  }

  @Test
  void fetchingTheComponentTheErrorNamesRewritesADamagedEntry() throws Exception {
    flipABit();
    assertThatThrownBy(() -> cache().entry("curl")).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("run 'rpmoverlay fetch curl' to rewrite it");

    CliRun run = fetch("curl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("1 written");
    assertThat(cache().entry("curl").file("curl.spec")).isPresent();
  }

  @Test
  void fetchVerifyRewritesDamagedEntriesOfEverySelectedComponent() throws Exception {
    flipABit();

    CliRun run = fetch("-a", "--verify");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("1 written");
    assertThat(cache().entry("curl").file("curl.spec")).isPresent();
  }

  @Test
  void anEditedHistoryFileMakesTheEntryCorrupt() throws Exception {
    Path history = entry().resolve("history.json");
    String text = Files.readString(history);
    assertThat(text).contains("Import curl 8.11");
    Files.writeString(history, text.replace("Import curl 8.11", "Import curl 8.11 (reviewed, trust me)"));

    assertThatThrownBy(() -> cache().entry("curl")).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("history.json has SHA-256");
  }

  @Test
  void anEntryLeftAsideByAKilledFetchIsRestoredByTheNextRender() throws Exception {
    // What a fetch killed between its two renames leaves: the old entry aside, the new one staged.
    Files.move(entry(), project.resolve("upstream-cache/.old-curl-" + UUID.randomUUID()));
    Files.createDirectories(project.resolve("upstream-cache/.staging-curl-" + UUID.randomUUID() + "/files"));
    Path out = tmp.resolve("out");

    CliRun run = CliRun.of("-C", project.toString(), "render", "curl", "--skip-lock-validation", "-o", out.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).contains("restored the upstream cache entry of curl");
    assertThat(Files.readString(out.resolve("c/curl/curl.spec"), StandardCharsets.UTF_8)).contains("Import curl 8.11");
    try (var left = Files.list(project.resolve("upstream-cache"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("curl");
    }
  }
}
