package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code overlays --history}: per component, its overlays and the commits of the project's git
 * history that changed its TOML (and overlay sources) and its lock's input fingerprint.
 */
class OverlaysHistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path project;

  /**
   * Two components, a (two overlays, one with a source file) and b (none); five commits:
   * 04-01 everything; 04-02 a's TOML and a new lock fingerprint for a; 04-03 a's overlay source;
   * 04-04 an unrelated README; 04-05 a's lock rewritten with the same fingerprint.
   */
  @BeforeEach
  void history() throws Exception {
    Files.writeString(project.resolve("azldev.toml"), "includes = [\"comps/**/*.comp.toml\"]\n" + LocalProject.header(""));
    component("b", "");
    component("a", overlay("spec-set-tag", "tag = \"Release\"\nvalue = \"2%{?dist}\""));
    Files.writeString(project.resolve("comps/a/x.conf"), "one\n");
    lock("a", "sha256:a1", "sha256:r");
    lock("b", "sha256:b1", "sha256:r");
    try (Git git = Git.init().setDirectory(project.toFile()).call()) {
      commit(git, "2026-04-01", "import a and b");
      component("a", overlay("spec-set-tag", "tag = \"Release\"\nvalue = \"2%{?dist}\"")
          + overlay("file-add", "file = \"x.conf\"\nsource = \"x.conf\""));
      lock("a", "sha256:a2", "sha256:r");
      commit(git, "2026-04-02", "a: add x.conf");
      Files.writeString(project.resolve("comps/a/x.conf"), "two\n");
      commit(git, "2026-04-03", "a: x.conf two");
      Files.writeString(project.resolve("README"), "unrelated\n");
      commit(git, "2026-04-04", "readme");
      lock("a", "sha256:a2", "sha256:s");
      commit(git, "2026-04-05", "a: same fingerprint, other resolution hash");
    }
  }

  private void component(String name, String overlays) throws Exception {
    Path dir = Files.createDirectories(project.resolve("comps").resolve(name));
    Files.writeString(dir.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1\nRelease: 1%{?dist}\nSummary: x\nLicense: MIT\n\n%description\nd\n");
    Files.writeString(dir.resolve(name + ".comp.toml"),
        "[components." + name + "]\nspec = { type = \"local\", path = \".\" }\n" + overlays.replace("NAME", name));
  }

  private static String overlay(String type, String fields) {
    return "[[components.NAME.overlays]]\ndescription = \"d\"\ntype = \"" + type + "\"\n" + fields + "\n";
  }

  private void lock(String name, String fingerprint, String resolutionHash) throws Exception {
    Files.createDirectories(project.resolve("locks"));
    Files.writeString(project.resolve("locks/" + name + ".lock"),
        LockStore.format(new LockFile(1, "a".repeat(40), "a".repeat(40), 0, fingerprint, resolutionHash)));
  }

  private static void commit(Git git, String day, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Dana Maintainer", "dana@example.org", Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  private CliRun run(String format) {
    return CliRun.of("-C", project.toString(), "-O", format, "overlays", "--history");
  }

  private JsonNode row(String component) throws Exception {
    CliRun r = run("json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (JsonNode row : JSON.readTree(r.out()).get("components")) {
      if (row.get("component").asText().equals(component)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + component + " in " + r.out());
  }

  @Test
  void countsTheCommitsThatChangedTheComponentsTomlOrItsOverlaySources() throws Exception {
    // 04-01, 04-02 (a.comp.toml) and 04-03 (x.conf); not the README nor the lock-only commit
    assertThat(row("a").get("configCommits").asInt()).isEqualTo(3);
  }

  @Test
  void anotherComponentsCommitsDoNotCountForIt() throws Exception {
    assertThat(row("b").get("configCommits").asInt()).isEqualTo(1);
  }

  @Test
  void countsOnlyTheCommitsThatChangedTheLocksInputFingerprint() throws Exception {
    // 04-01 and 04-02; 04-05 rewrote the lock with the same fingerprint
    assertThat(row("a").get("lockChanges").asInt()).isEqualTo(2);
  }

  @Test
  void countsTheComponentsOverlays() throws Exception {
    assertThat(row("a").get("overlays").asInt()).isEqualTo(2);
  }

  @Test
  void lastChangeIsTheNewestOfThoseCommits() throws Exception {
    assertThat(row("a").get("lastChange").asText()).isEqualTo("2026-04-03");
  }

  @Test
  void csvHasOneRowPerComponentInNameOrder() {
    CliRun r = run("csv");

    assertThat(r.out().lines()).containsExactly(
        "COMPONENT,OVERLAYS,CONFIG COMMITS,LOCK CHANGES,LAST CHANGE", "a,2,3,2,2026-04-03", "b,0,1,1,2026-04-01");
  }

  @Test
  void outsideGitItSaysSoAndShowsTheInventoryWithoutHistoryColumns() throws Exception {
    try (Stream<Path> files = Files.walk(project.resolve(".git"))) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }

    CliRun r = run("csv");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo("rpmoverlay: note: " + project + " is not in a git repository: no history columns\n");
    assertThat(r.out().lines()).containsExactly("COMPONENT,OVERLAYS", "a,2", "b,0");
  }
}
