package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.FedoraDistGit;
import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.testing.LoopbackGitServer;
import dev.rpmoverlay.testing.ProjectRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop a build pipeline runs (issue 12, docs/pipelines.md), end to end against a real git
 * server on loopback serving three Fedora-like dist-git repositories with dated history: add →
 * update → render → commit → check green → upstream bump → outdated shows it → update with a broken
 * overlay keeps the old lock and exits 1 → fix the overlay → update → render → commit → check green
 * → changed lists exactly what changed → remove a component → update prunes its lock → check green.
 */
class PipelineLoopTest {

  @TempDir Path tmp;
  Path project;
  int projectCommits;

  void commitProject(String message) throws Exception {
    ProjectRepo.commitAll(project, Instant.parse("2026-03-10T00:00:00Z").plusSeconds(3600L * projectCommits++), message);
  }

  CliRun run(String... args) {
    return CliRun.in(project, args);
  }

  /** Runs a command that talks to dist-git, with a mirror dir of the test's own. */
  CliRun net(String command, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = command;
    all[1] = "--mirror-dir=" + tmp.resolve("mirrors");
    System.arraycopy(args, 0, all, 2, args.length);
    return run(all);
  }

  static CliRun ok(CliRun r) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    return r;
  }

  void editConfig(String from, String to) throws Exception {
    Path toml = project.resolve("azldev.toml");
    String text = Files.readString(toml);
    assertThat(text).contains(from);
    Files.writeString(toml, text.replace(from, to));
  }

  @Test
  void theWholeLoopAgainstARealGitServer() throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    for (String name : new String[] {"curl", "bash", "zlib"}) {
      FedoraDistGit.init(server, name);
    }
    FedoraDistGit.commit(server.resolve("curl"), "2026-01-05T00:00:00Z", "Import", FedoraDistGit.staticSpec("curl", "8.10.0", "--enable-telnet"));
    FedoraDistGit.commit(server.resolve("curl"), "2026-02-01T00:00:00Z", "Update to 8.11.0", FedoraDistGit.staticSpec("curl", "8.11.0", "--enable-telnet"));
    FedoraDistGit.commit(server.resolve("bash"), "2026-01-03T00:00:00Z", "Import", FedoraDistGit.staticSpec("bash", "5.2", "--without-bash-malloc"));
    FedoraDistGit.commit(server.resolve("zlib"), "2026-01-02T00:00:00Z", "Import", FedoraDistGit.autoSpec("zlib", "1.3"));
    FedoraDistGit.commit(server.resolve("zlib"), "2026-01-20T00:00:00Z", "Fix build", FedoraDistGit.autoSpec("zlib", "1.3"));

    try (LoopbackGitServer daemon = LoopbackGitServer.serve(server)) {
      project = Files.createDirectories(tmp.resolve("project"));
      FedoraProject.writeDownstream(project, daemon.baseUrl(), "2026-02-24T00:00:00Z");
      Git.init().setDirectory(project.toFile()).setInitialBranch("main").call().close();
      commitProject("Project skeleton");

      // add → update → render → commit → check green
      for (String name : new String[] {"bash", "curl", "zlib"}) {
        ok(run("add", name));
      }
      editConfig("[components.curl]\n", """
          [components.curl]
          overlays = [ { type = "spec-search-replace", section = "%build", regex = "--enable-telnet", replacement = "--disable-telnet" } ]
          """);
      ok(net("update", "-a"));
      ok(run("render", "-a"));
      assertThat(Files.readString(project.resolve("specs/c/curl/curl.spec"))).contains("%configure --disable-telnet");
      commitProject("Import bash, curl and zlib");
      ok(run("render", "-a", "--check"));
      ok(net("update", "-a", "--check"));

      // a downstream-only change to zlib, so that 'changed' below has two commits to look at
      editConfig("[components.zlib]\n", """
          [components.zlib]
          overlays = [ { type = "spec-add-tag", tag = "BuildRequires", value = "make" } ]
          """);
      ok(net("update", "-a"));
      ok(run("render", "-a"));
      commitProject("zlib: build with make");
      ok(run("render", "-a", "--check"));
      String curlLock = Files.readString(project.resolve("locks/curl.lock"));
      String curlSpec = Files.readString(project.resolve("specs/c/curl/curl.spec"));

      // upstream pushes a version bump that drops the line the overlay edits
      RevCommit bump = FedoraDistGit.commit(server.resolve("curl"), "2026-03-01T00:00:00Z", "Update to 8.12.0",
          FedoraDistGit.staticSpec("curl", "8.12.0", "--enable-websockets"));
      CliRun outdated = net("outdated", "--check");
      assertThat(outdated.exitCode()).isEqualTo(1);
      assertThat(outdated.out()).contains("curl       outdated").contains(bump.name().substring(0, 12))
          .doesNotContain("bash").doesNotContain("zlib");
      assertThat(outdated.err()).contains("3 components: 2 up to date, 1 outdated (1 commit behind in total)");

      // take curl's update now (pin the new commit): the overlay no longer applies, so update keeps the old lock
      editConfig("[components.curl]\n", "[components.curl]\nspec.upstream-commit = \"" + bump.name() + "\"\n");
      CliRun broken = net("update", "curl");
      assertThat(broken.exitCode()).as(broken.out() + broken.err()).isEqualTo(1);
      assertThat(broken.out() + broken.err()).contains("curl").contains("--enable-telnet");
      assertThat(Files.readString(project.resolve("locks/curl.lock"))).isEqualTo(curlLock);
      assertThat(Files.readString(project.resolve("specs/c/curl/curl.spec"))).isEqualTo(curlSpec);

      // fix the overlay → update → render → commit → check green
      editConfig("regex = \"--enable-telnet\", replacement = \"--disable-telnet\"",
          "regex = \"--enable-websockets\", replacement = \"--disable-websockets\"");
      ok(net("update", "-a"));
      ok(run("render", "-a"));
      assertThat(Files.readString(project.resolve("specs/c/curl/curl.spec"))).contains("Version: 8.12.0", "%configure --disable-websockets");
      commitProject("curl: update to 8.12.0");
      ok(run("render", "-a", "--check"));
      ok(net("outdated", "--check"));

      // exactly the components of the last two commits
      CliRun changed = ok(run("changed", "--from", "HEAD~2"));
      assertThat(changed.out()).isEqualTo("""
          COMPONENT  CHANGE   INPUTS   OUTPUT
          curl       changed  changed  changed
          zlib       changed  changed  changed
          """);

      // remove a component → update -a prunes its lock → check green
      editConfig("[components.bash]\n", "");
      CliRun orphan = net("update", "-a", "--check");
      assertThat(orphan.exitCode()).as(orphan.out() + orphan.err()).isEqualTo(1);
      CliRun prune = ok(net("update", "-a"));
      assertThat(prune.err()).contains("removed lock of a component that no longer exists: bash");
      assertThat(project.resolve("locks/bash.lock")).doesNotExist();
      ok(run("render", "-a", "--clean-stale"));
      assertThat(project.resolve("specs/b/bash")).doesNotExist();
      commitProject("Drop bash");
      ok(run("render", "-a", "--check", "--clean-stale"));
      ok(net("update", "-a", "--check"));
      CliRun dropped = ok(run("changed", "--from", "HEAD~1"));
      assertThat(dropped.out()).contains("bash       removed");
    }
  }
}
