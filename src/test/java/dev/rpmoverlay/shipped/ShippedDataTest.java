package dev.rpmoverlay.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.io.MoreFiles;
import dev.rpmoverlay.cli.CliRun;
import dev.rpmoverlay.testing.FixtureDistGit;
import dev.rpmoverlay.testing.DirectoryContents;
import dev.rpmoverlay.testing.ProjectCopy;
import dev.rpmoverlay.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed locks/ and upstream-cache/ are what the tool itself writes, wherever the project
 * is checked out: otherwise render refuses them (stale locks) or renders from facts that the
 * current code would not extract.
 */
class ShippedDataTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void theCommittedLocksAreCurrentInACopyOfTheProjectAnywhere() throws Exception {
    Path copy = tmp.resolve("somewhere/else/lumen");
    ProjectCopy.of(REPO, copy);
    CliRun check = CliRun.of("-C", copy.toString(), "update", "--check", "-a");
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
  }

  @Test
  void theCommittedCacheIsExactlyWhatFetchWritesFromTheFixtureDistGit() throws Exception {
    Path shared = SharedData.path();
    assumeTrue(Files.isDirectory(shared.resolve("fixtures/distgit")), "needs ../shared/fixtures/distgit");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")) || Files.isExecutable(Path.of("/bin/git")), "needs git");
    Path repos = FixtureDistGit.build(REPO, tmp.resolve("fixture-distgit"), shared.resolve("fixtures/distgit"));
    Path copy = tmp.resolve("lumen");
    ProjectCopy.of(REPO, copy);
    MoreFiles.deleteRecursively(copy.resolve("upstream-cache"));

    CliRun fetch = CliRun.of("fetch", "-C", copy.toString(), "-a", "--mirror-dir", tmp.resolve("mirrors").toString(),
        "--dist-git-mirror", "https://src.fedoraproject.org/rpms/=" + repos + "/");
    assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();
    assertThat(DirectoryContents.of(copy.resolve("upstream-cache"))).as("fetch from the fixture dist-git rewrites upstream-cache/ byte for byte")
        .isEqualTo(DirectoryContents.of(REPO.resolve("upstream-cache")));
  }

}
