package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpmoverlay.testing.FedoraDistGit;
import dev.rpmoverlay.testing.FedoraProject;
import dev.rpmoverlay.testing.LoopbackGitServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/examples/pipeline.sh, run as a CI system runs it (a shell, the rpmoverlay command on a
 * wrapper, git), on a project whose dist-git is a real git daemon on loopback.
 */
class PipelineScriptTest {
  static final Path SCRIPT = Path.of("docs/examples/pipeline.sh").toAbsolutePath();

  @TempDir Path tmp;
  Path project;

  record Result(int exitCode, String output) {}

  Result script(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    pb.environment().put("RPMOVERLAY", tmp.resolve("bin/rpmoverlay").toString());
    pb.environment().put("RPMOVERLAY_MIRROR_DIR", tmp.resolve("mirrors").toString());
    pb.environment().put("CHANGED_JSON", tmp.resolve("changed.json").toString());
    pb.environment().put("GIT_AUTHOR_NAME", "CI Bot");
    pb.environment().put("GIT_AUTHOR_EMAIL", "ci@example.org");
    pb.environment().put("GIT_COMMITTER_NAME", "CI Bot");
    pb.environment().put("GIT_COMMITTER_EMAIL", "ci@example.org");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  /** {@code bin/rpmoverlay}: this build's CLI on the test class path. */
  void writeLauncher() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path launcher = bin.resolve("rpmoverlay");
    Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:TieredStopAtLevel=1 -cp '"
        + System.getProperty("java.class.path") + "' dev.rpmoverlay.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  String head() throws Exception {
    try (Git git = Git.open(project.toFile())) {
      return git.getRepository().resolve("HEAD").name();
    }
  }

  @Test
  void bumpCommitsNewUpstreamCommitsAndGateListsWhatChanged() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    for (String name : new String[] {"curl", "bash"}) {
      FedoraDistGit.commit(FedoraDistGit.init(server, name), "2026-01-05T00:00:00Z", "Import", FedoraDistGit.staticSpec(name, "1.0", ""));
    }
    writeLauncher();
    try (LoopbackGitServer daemon = LoopbackGitServer.serve(server)) {
      project = tmp.resolve("project");
      FedoraProject.writeDownstream(project, daemon.baseUrl(), "");
      Files.writeString(project.resolve("azldev.toml"), Files.readString(project.resolve("azldev.toml")) + "curl = {}\nbash = {}\n");
      // as `init` writes it: the work dir and render's local state files beside the specs are not committed
      Files.writeString(project.resolve(".gitignore"), "/build/\n.rpmoverlay-render-state\n.rpmoverlay-render-shortcut\n.rpmoverlay-lock\n");
      try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
        git.add().addFilepattern(".").call();
        git.commit().setMessage("Project").setAuthor("Dev", "dev@example.org").setCommitter("Dev", "dev@example.org").call();
      }

      Result first = script("bump");
      assertThat(first.exitCode()).as(first.output()).isZero();
      assertThat(first.output()).contains("pipeline: committed");
      assertThat(project.resolve("specs/c/curl/curl.spec")).exists();
      Result gate = script("gate", "HEAD~1");
      assertThat(gate.exitCode()).as(gate.output()).isZero();

      String before = head();
      Result nothing = script("bump");
      assertThat(nothing.exitCode()).as(nothing.output()).isZero();
      assertThat(nothing.output()).contains("pipeline: nothing new upstream");
      assertThat(head()).isEqualTo(before);

      FedoraDistGit.commit(server.resolve("curl"), "2026-03-01T00:00:00Z", "Update to 1.1", FedoraDistGit.staticSpec("curl", "1.1", ""));
      Result bump = script("bump");
      assertThat(bump.exitCode()).as(bump.output()).isZero();
      assertThat(bump.output()).contains("curl       outdated");
      assertThat(Files.readString(project.resolve("specs/c/curl/curl.spec"))).contains("Version: 1.1");
      Result gated = script("gate", "HEAD~1");
      assertThat(gated.exitCode()).as(gated.output()).isZero();
      JsonNode changed = new ObjectMapper().readTree(tmp.resolve("changed.json").toFile()).get("components");
      assertThat(changed).hasSize(1);
      assertThat(changed.get(0).get("component").asText()).isEqualTo("curl");

      Files.writeString(project.resolve("specs/b/bash/bash.spec"), "hand edit\n");
      Result drift = script("gate", "HEAD~1");
      assertThat(drift.exitCode()).isEqualTo(1);
      assertThat(drift.output()).contains("drift in bash: changed bash.spec");
    }
  }
}
