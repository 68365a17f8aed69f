package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.FedoraProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 12: the limits on upstream content are set in the project ({@code
 * [project.upstream-limits]}), and render holds cache entries to them too: a component over a
 * limit fails alone, with an error naming it, the file and the limit and how to raise it, before
 * its large file is read; the other components render.
 */
class ProjectUpstreamLimitsTest {
  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void setUp() throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    repo(server, "curl", Map.of());
    repo(server, "fonts", Map.of("fonts.tar", new byte[1_500_000], "a.conf", new byte[] {'a'}, "b.conf", new byte[] {'b'}));
    project = FedoraProject.write(tmp.resolve("project"), server.toUri().toString(), "curl", "fonts");
    CliRun update = cli("update", "-a", "--mirror-dir", tmp.resolve("mirrors").toString());
    assertThat(update.exitCode()).as(update.err()).isZero();
  }

  static void repo(Path server, String name, Map<String, byte[]> extra) throws Exception {
    try (Git git = Git.init().setDirectory(server.resolve(name).toFile()).setInitialBranch("f43").call()) {
      Path work = server.resolve(name);
      Files.writeString(work.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1\nRelease: 1\nSummary: x\nLicense: MIT\n\n%description\nx\n");
      for (var e : extra.entrySet()) {
        Files.write(work.resolve(e.getKey()), e.getValue());
      }
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Packager", "p@example.org", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      git.commit().setMessage("Import").setAuthor(who).setCommitter(who).call();
    }
  }

  CliRun cli(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-C";
    all[1] = project.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }

  void limits(String table) throws Exception {
    String toml = Files.readString(project.resolve("azldev.toml"));
    Files.writeString(project.resolve("azldev.toml"), toml.replace("[project]\n", "[project]\nupstream-limits = " + table + "\n"));
  }

  @Test
  void renderFailsOnlyTheComponentWhoseCachedFileIsOverTheProjectsLimit() throws Exception {
    limits("{ max-file-size-mib = 1 }");
    Path out = tmp.resolve("out");

    CliRun run = cli("render", "-a", "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).contains("upstream cache entry for component 'fonts': files/fonts.tar has 1500000 bytes, over the limit"
        + " of 1048576 bytes", "raise max-file-size-mib in the project's [project.upstream-limits] table");
    assertThat(out.resolve("c/curl/curl.spec")).isRegularFile();
    assertThat(out.resolve("f/fonts/fonts.spec")).doesNotExist();
  }

  @Test
  void updateHoldsNewTreesToTheProjectsLimitsAndKeepsTheOldEntry() throws Exception {
    limits("{ max-files = 3 }");

    CliRun run = cli("update", "-a", "--force-recalculate", "--mirror-dir", tmp.resolve("mirrors").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("component 'fonts'", "more than 3 files", "raise max-files in the project's"
        + " [project.upstream-limits] table (or pass --max-files)");
    assertThat(project.resolve("upstream-cache/fonts/files/fonts.tar")).isRegularFile();
    CliRun raised = cli("update", "-a", "--force-recalculate", "--max-files", "4", "--mirror-dir", tmp.resolve("mirrors").toString());
    assertThat(raised.exitCode()).as("the command line overrides the project").isZero();
  }

  @Test
  void aLimitThatIsNoPositiveWholeNumberIsAConfigError() throws Exception {
    limits("{ max-files = 0, max-bytes = 5 }");

    CliRun run = cli("validate");

    assertThat(run.exitCode()).as("a config error, like every other").isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("project.upstream-limits.max-files must be a whole number from 1 to 2147483647",
        "unknown key project.upstream-limits.max-bytes");
  }
}
