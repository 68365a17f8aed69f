package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.DirectoryContents;
import dev.rpmoverlay.testing.FedoraDistGit;
import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.testing.FileSystemClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a cold {@code render} trusts {@code <work-dir>/upstream-cache-verified} for cache files
 * whose stamp (size, modification and status-change time, inode) has not moved since an earlier
 * render hashed them, and hashes every other file; {@code render --no-incremental} hashes all.
 * Each test renders the way a user does, into an empty output dir, and reads the counts that
 * {@code --timings} prints.
 */
class CacheVerificationRecordTest {
  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void fetchTwoComponents() throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    for (String name : new String[] {"curl", "zlib"}) {
      FedoraDistGit.commit(FedoraDistGit.init(server, name), "2026-01-01T00:00:00Z", "Import " + name,
          FedoraDistGit.autoSpec(name, "1.0"));
    }
    project = FedoraProject.write(tmp.resolve("project"), server.toUri().toString(), "curl", "zlib");
    CliRun fetch = CliRun.in(project, "fetch", "-a", "--mirror-dir", tmp.resolve("mirrors").toString());
    assertThat(fetch.exitCode()).as(fetch.err()).isZero();
    FileSystemClock.tickPast(project); // files written in the current clock tick are never trusted
  }

  /** {@code render -a --timings} into a new, empty output dir {@code name}. */
  CliRun render(String name, String... more) {
    String[] first = {"render", "-a", "--skip-lock-validation", "--timings", "-o", tmp.resolve(name).toString()};
    return CliRun.in(project, first, more);
  }

  /** The counts {@code --timings} prints: files hashed, files trusted from the record. */
  static String counts(CliRun run) {
    Matcher m = Pattern.compile("(?m)^timing: upstream cache files +(\\d+) hashed +(\\d+) trusted").matcher(run.err());
    assertThat(m.find()).as(run.err()).isTrue();
    return m.group(1) + " hashed, " + m.group(2) + " trusted";
  }

  /** The rendered component dirs of output dir {@code name}, path to content (the run's own bookkeeping left out). */
  Map<String, String> specs(String name) throws Exception {
    Map<String, String> files = new TreeMap<>(DirectoryContents.of(tmp.resolve(name)));
    files.keySet().removeIf(path -> path.startsWith(".rpmoverlay-"));
    return files;
  }

  /**
   * Renders into new dir {@code name} (with {@code more} options), which must succeed, then into
   * {@code name-again} without them; the counts of both.
   */
  List<String> renderThenAgain(String name, String... more) {
    CliRun first = render(name, more);
    assertThat(first.exitCode()).as(first.err()).isZero();
    return List.of(counts(first), counts(render(name + "-again")));
  }

  Path spec() {
    return project.resolve("upstream-cache/curl/files/curl.spec");
  }

  /** A render that hashes (and records) all four cache files: two specs, two history files. */
  void firstRender() throws Exception {
    CliRun first = render("first");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(counts(first)).isEqualTo("4 hashed, 0 trusted");
  }

  @Test
  void aSecondColdRenderTrustsTheFilesTheFirstHashedAndWritesTheSameOutput() throws Exception {
    firstRender();

    CliRun second = render("second");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(counts(second)).isEqualTo("0 hashed, 4 trusted");
    assertThat(specs("second")).isNotEmpty().isEqualTo(specs("first"));
  }

  @Test
  void theRecordLivesInTheWorkDirSoItOutlivesADeletedOutputDir() throws Exception {
    firstRender();
    assertThat(project.resolve("build/work/upstream-cache-verified")).isDirectoryContaining(p -> Files.isRegularFile(p));
    com.google.common.io.MoreFiles.deleteRecursively(tmp.resolve("first"));

    CliRun again = render("first");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(counts(again)).isEqualTo("0 hashed, 4 trusted");
  }

  @Test
  void aFileEditedInPlaceWithItsSizeAndModificationTimeKeptFailsItsComponent() throws Exception {
    firstRender();
    FileTime mtime = Files.getLastModifiedTime(spec());
    String text = Files.readString(spec(), StandardCharsets.UTF_8);
    Files.writeString(spec(), text.replace("Version: 1.0", "Version: 6.6"), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(spec(), mtime); // touch -d: the status-change time still moves

    CliRun run = render("edited");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("upstream cache entry for component 'curl' is corrupt: files/curl.spec has SHA-256");
    assertThat(counts(run)).isEqualTo("1 hashed, 2 trusted"); // curl's history file is not reached
    assertThat(tmp.resolve("edited/z/zlib/zlib.spec")).isRegularFile();
  }

  @Test
  void aFileReplacedByAnotherWithTheSameSizeAndTimesFailsItsComponent() throws Exception {
    firstRender();
    Path other = spec().resolveSibling("curl.spec.new");
    Files.writeString(other, Files.readString(spec(), StandardCharsets.UTF_8).replace("Version: 1.0", "Version: 6.6"));
    Files.setLastModifiedTime(other, Files.getLastModifiedTime(spec())); // cp -p, then mv over it: a new inode
    Files.move(other, spec(), StandardCopyOption.REPLACE_EXISTING);

    CliRun run = render("replaced");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("upstream cache entry for component 'curl' is corrupt: files/curl.spec has SHA-256");
    assertThat(counts(run)).isEqualTo("1 hashed, 2 trusted"); // curl's history file is not reached
  }

  @Test
  void aTouchedButIdenticalFileIsHashedAgainPassesAndIsTrustedAfterwards() throws Exception {
    firstRender();
    Files.setLastModifiedTime(spec(), FileTime.fromMillis(System.currentTimeMillis()));
    FileSystemClock.tickPast(project);

    assertThat(renderThenAgain("touched")).containsExactly("1 hashed, 3 trusted", "0 hashed, 4 trusted");
  }

  @Test
  void aDamagedRecordIsIgnoredAndRewritten() throws Exception {
    firstRender();
    try (Stream<Path> files = Files.list(project.resolve("build/work/upstream-cache-verified"))) {
      for (Path file : files.toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.substring(0, text.length() / 2), StandardCharsets.UTF_8); // cut short
      }
    }

    assertThat(renderThenAgain("damaged")).containsExactly("4 hashed, 0 trusted", "0 hashed, 4 trusted");
  }

  @Test
  void noIncrementalHashesEveryFileWhateverTheRecordSaysAndKeepsTheRecord() throws Exception {
    firstRender();

    assertThat(renderThenAgain("full", "--no-incremental")).containsExactly("4 hashed, 0 trusted", "0 hashed, 4 trusted");
  }

  @Test
  void aRecordDirThatIsALinkIsReplacedNotWrittenThrough() throws Exception {
    Path victim = Files.createDirectories(tmp.resolve("victim"));
    Path record = Files.createDirectories(project.resolve("build/work")).resolve("upstream-cache-verified");
    Files.createSymbolicLink(record, victim);

    CliRun run = render("out");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(counts(run)).isEqualTo("4 hashed, 0 trusted");
    assertThat(victim).isEmptyDirectory();
    assertThat(record).isDirectory().isDirectoryContaining(p -> Files.isRegularFile(p));
  }

  @Test
  void itsProbeAndTemporaryFilesAreReplacedNotWrittenThrough() throws Exception {
    Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
    Path record = Files.createDirectories(project.resolve("build/work/upstream-cache-verified"));
    Files.createSymbolicLink(record.resolve("probe.tmp"), victim);
    for (String component : new String[] {"curl", "zlib"}) {
      Files.createSymbolicLink(record.resolve(String.format("%02d.tmp", Math.floorMod(component.hashCode(), 64))), victim);
    }

    CliRun run = render("out");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(counts(run)).isEqualTo("4 hashed, 0 trusted");
    assertThat(victim).hasContent("precious");
    try (Stream<Path> files = Files.list(record)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("11", "44"); // zlib's and curl's
    }
  }
}
