package dev.rpmoverlay.upstream;

import dev.rpmoverlay.bench.InMemoryDistGit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.cli.CliRun;
import dev.rpmoverlay.testing.FedoraProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 12: upstream content is bounded (files per entry, bytes per file, bytes per entry);
 * a tree over a limit fails its component, leaves no entry, and does not stop the others.
 */
class ContentLimitsTest {
  @TempDir Path tmp;

  static final UpstreamCoordinates DEMO = new UpstreamCoordinates("demo", "demo", "file:///nowhere/demo.git", "f43", "", "");

  UpstreamCache cache() {
    return UpstreamCache.open(tmp.resolve("upstream-cache"));
  }

  void write(Map<String, byte[]> tree, ContentLimits limits) throws Exception {
    try (InMemoryDistGit git = new InMemoryDistGit()) {
      var commit = git.commit(tree, Set.of(), Instant.parse("2026-02-24T00:00:00Z"));
      new CacheEntryWriter(cache(), Optional.empty()).withLimits(limits).write(git.repository(), DEMO, commit);
    }
  }

  @Test
  void aTreeWithMoreFilesThanTheLimitIsRefusedAndLeavesNoEntry() {
    Map<String, byte[]> tree = new TreeMap<>();
    for (int i = 0; i < 30; i++) {
      tree.put("d" + (i % 3) + "/f" + i, new byte[] {1});
    }

    assertThatThrownBy(() -> write(tree, new ContentLimits(20, 1 << 20, 1 << 20)))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("component 'demo'")
        .hasMessageContaining("more than 20 files")
        .hasMessageContaining("--max-files");
    assertThat(tmp.resolve("upstream-cache/demo")).doesNotExist();
  }

  @Test
  void aFileLargerThanTheLimitIsRefused() {
    Map<String, byte[]> tree = Map.of("demo.spec", new byte[10], "big.bin", new byte[2 << 20]);

    assertThatThrownBy(() -> write(tree, new ContentLimits(100, 1 << 20, 64 << 20)))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("'big.bin' has 2097152 bytes, more than 1048576")
        .hasMessageContaining("--max-file-size");
    assertThat(tmp.resolve("upstream-cache/demo")).doesNotExist();
  }

  @Test
  void filesTogetherLargerThanTheEntryLimitAreRefused() {
    Map<String, byte[]> tree = new TreeMap<>();
    for (int i = 0; i < 5; i++) {
      tree.put("part" + i, new byte[300_000]);
    }

    assertThatThrownBy(() -> write(tree, new ContentLimits(100, 1 << 20, 1 << 20)))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("more than 1048576 bytes of files")
        .hasMessageContaining("--max-entry-size");
  }

  @Test
  void aTreeWithinTheDefaultsIsWritten() throws Exception {
    write(Map.of("demo.spec", "Name: demo\n".getBytes(StandardCharsets.UTF_8)), ContentLimits.DEFAULT);
    assertThat(cache().entry("demo").file("demo.spec")).isPresent();
  }

  @Test
  void fetchFailsOnlyTheComponentOverTheLimit() throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    PersonIdent who = new PersonIdent("Packager", "p@example.org", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    for (String name : new String[] {"small", "huge"}) {
      try (Git git = Git.init().setDirectory(server.resolve(name).toFile()).setInitialBranch("f43").call()) {
        Files.writeString(server.resolve(name + "/" + name + ".spec"), "Name: " + name + "\n");
        if (name.equals("huge")) {
          Files.write(server.resolve(name + "/blob.bin"), new byte[3 << 20]);
        }
        git.add().addFilepattern(".").call();
        git.commit().setMessage("Import").setAuthor(who).setCommitter(who).call();
      }
    }
    Path project = FedoraProject.write(tmp.resolve("project"), server.toUri().toString(), "small", "huge");

    CliRun run = CliRun.of("-C", project.toString(), "fetch", "-a", "--mirror-dir", tmp.resolve("mirrors").toString(),
        "--max-file-size", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("component 'huge'").contains("'blob.bin' has 3145728 bytes").contains("1 written, 0 unchanged, 1 failed");
    assertThat(project.resolve("upstream-cache/small/upstream.toml")).exists();
    assertThat(project.resolve("upstream-cache/huge")).doesNotExist();
  }
}
