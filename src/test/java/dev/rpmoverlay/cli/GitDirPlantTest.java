package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.testing.GitPlant;
import dev.rpmoverlay.upstream.CacheEntryWriter;
import dev.rpmoverlay.bench.InMemoryDistGit;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.UpstreamCoordinates;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 1: no project, upstream tree or overlay can make rpmoverlay write a working
 * {@code .git} directory, which {@code git status} would obey (its fsmonitor command runs).
 */
class GitDirPlantTest {
  @TempDir Path dir;

  Path marker() {
    return dir.resolve("MARKER");
  }

  Path project(String components) throws IOException {
    Path p = dir.resolve("project");
    Files.createDirectories(p);
    Files.writeString(p.resolve("azldev.toml"), LocalProject.header("") + components);
    return p;
  }

  /** A local spec dir holding the plant under {@code gitDirName}, every plant file listed as a Source. */
  void plantedSpecDir(Path specDir, String name, String gitDirName) throws IOException {
    GitPlant.write(specDir, gitDirName, marker());
    StringBuilder spec = new StringBuilder("Name: " + name + "\nVersion: 1\nRelease: 1\nSummary: x\nLicense: MIT\n");
    int i = 1;
    for (String path : GitPlant.files(gitDirName, marker()).keySet()) {
      spec.append("Source").append(i++).append(": ").append(path).append('\n');
    }
    Files.writeString(specDir.resolve(name + ".spec"), spec + "\n%description\nx\n");
  }

  static boolean anyGitDirUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return false;
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.anyMatch(p -> p.getFileName().toString().equalsIgnoreCase(".git"));
    }
  }

  @Test
  void theProbeDetectsAPlantedGitDir() throws Exception {
    // Control: without rpmoverlay in the way, the plant does run its command.
    Path planted = dir.resolve("planted");
    GitPlant.write(planted, ".git", marker());
    assertThat(GitPlant.gitStatusRanTheCommand(planted, marker())).isTrue();
  }

  @Test
  void aComponentNamedDotGitIsAConfigErrorAndNothingIsWritten() throws Exception {
    Path p = project("[components.\".git\"]\nspec = { type = \"local\", path = \"comps/plant\" }\n");
    plantedSpecDir(p.resolve("comps/plant"), ".git", "");
    Path out = dir.resolve("out");

    CliRun run = CliRun.of("-C", p.toString(), "render", "-a", "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("component name \".git\" is not a valid RPM package name");
    assertThat(anyGitDirUnder(out)).isFalse();
    assertThat(GitPlant.gitStatusRanTheCommand(out, marker())).isFalse();
  }

  @Test
  void componentNamesThatCollideWithRpmoverlaysOwnFilesAreConfigErrors() throws IOException {
    for (String name : List.of(".rpmoverlay-render-state", ".rpmoverlay-staging", ".staging-x", ".old-x", "-x", "a b", ".GIT")) {
      Path p = project("[components.\"" + name + "\"]\nspec = { type = \"local\", path = \"comps/x\" }\n");
      CliRun run = CliRun.of("-C", p.toString(), "validate");
      assertThat(run.exitCode()).as(name).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err()).as(name).contains("component name \"" + name + "\" is not a valid RPM package name");
    }
  }

  @Test
  void aLocalSpecDirHoldingAGitDirFailsTheComponentAndRunsNoCommand() throws Exception {
    // With the file filter skipped every file of the spec dir is output, the plant included.
    Path p = project("[components.demo]\nspec = { type = \"local\", path = \"comps/demo\" }\n"
        + "render = { skip-file-filter = true }\n");
    plantedSpecDir(p.resolve("comps/demo"), "demo", ".Git");
    Path out = dir.resolve("out");

    CliRun run = CliRun.of("-C", p.toString(), "render", "-a", "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).contains("component demo: refusing to write '.Git/HEAD'");
    assertThat(anyGitDirUnder(out)).isFalse();
    assertThat(GitPlant.gitStatusRanTheCommand(out.resolve("d/demo"), marker())).isFalse();
  }

  @Test
  void anOverlayWritingIntoAGitDirIsAConfigError() throws IOException {
    Path p = project("[components.demo]\nspec = { type = \"local\", path = \"comps/demo\" }\n"
        + "[[components.demo.overlays]]\ntype = \"file-add\"\nfile = \".git/config\"\nsource = \"evil.conf\"\n");
    Files.writeString(p.resolve("evil.conf"), "[core]\n");

    CliRun run = CliRun.of("-C", p.toString(), "validate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("overlay 'file' \".git/config\" has a '.git' path component");
  }

  @Test
  void aDistGitTreeHoldingAGitDirIsRefusedByTheCacheWriterAndRunsNoCommand() throws Exception {
    UpstreamCache cache = UpstreamCache.open(dir.resolve("project/upstream-cache"));
    Map<String, byte[]> tree = new TreeMap<>(GitPlant.files(".git", marker()));
    tree.put("demo.spec", "Name: demo\n".getBytes(StandardCharsets.UTF_8));
    try (InMemoryDistGit git = new InMemoryDistGit()) {
      var commit = git.commit(tree, Set.of(), Instant.parse("2026-02-24T00:00:00Z"));
      CacheEntryWriter writer = new CacheEntryWriter(cache, Optional.empty());
      UpstreamCoordinates c = new UpstreamCoordinates("demo", "demo", "file:///nowhere/demo.git", "f43", "", "");

      assertThatThrownBy(() -> writer.write(git.repository(), c, commit))
          .isInstanceOf(UpstreamException.class)
          .hasMessageContaining("component 'demo'")
          .hasMessageContaining("the tree holds '.git/HEAD'");
    }
    assertThat(anyGitDirUnder(cache.root())).isFalse();
    assertThat(GitPlant.gitStatusRanTheCommand(cache.root().resolve("demo/files"), marker())).isFalse();
  }

  @Test
  void aCacheEntryListingAGitPathIsCorrupt() throws IOException {
    Path entry = dir.resolve("cache/demo");
    Files.createDirectories(entry.resolve("files/.git"));
    Files.writeString(entry.resolve("files/.git/config"), "x");
    Files.writeString(entry.resolve("upstream.toml"), """
        format = 1
        component = "demo"
        upstream-name = "demo"
        url = "file:///nowhere/demo.git"
        branch = "f43"
        commit = "0123456789012345678901234567890123456789"
        commit-time = "2026-02-20T10:00:00Z"

        [[file]]
        path = ".git/config"
        mode = "100644"
        sha256 = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
        """);

    assertThatThrownBy(() -> UpstreamCache.open(dir.resolve("cache")).entry("demo"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("unsafe path '.git/config'");
  }
}
