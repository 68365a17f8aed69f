package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.render.IncrementalState;
import dev.rpmoverlay.render.ProjectLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 2: files rpmoverlay owns are never written through a symbolic or hard link. */
class OwnedFilesTest {
  @TempDir Path dir;
  Path project;
  Path victim;

  @BeforeEach
  void setUp() throws IOException {
    project = LocalProject.write(dir.resolve("project"), "", "hello");
    victim = dir.resolve("elsewhere/victim.txt");
    Files.createDirectories(victim.getParent());
    Files.writeString(victim, "precious\n");
  }

  CliRun render(Path out) {
    return CliRun.of("-C", project.toString(), "render", "-a", "-o", out.toString());
  }

  @Test
  void aProjectLockFileThatIsASymlinkIsRefusedAndItsTargetKept() throws IOException {
    Path lock = project.resolve("build/work/" + ProjectLock.FILE_NAME);
    Files.createDirectories(lock.getParent());
    Files.createSymbolicLink(lock, victim);

    CliRun run = render(dir.resolve("out"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(lock + " is a symbolic link; rpmoverlay never writes through one");
    assertThat(victim).hasContent("precious");
  }

  @Test
  void aProjectLockFileWithAnotherHardLinkIsRefusedAndTheOtherFileKept() throws IOException {
    Path lock = project.resolve("build/work/" + ProjectLock.FILE_NAME);
    Files.createDirectories(lock.getParent());
    Files.createLink(lock, victim);

    CliRun run = render(dir.resolve("out"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("has other hard links");
    assertThat(victim).hasContent("precious");
  }

  @Test
  void aRenderStateTempFileThatIsASymlinkIsReplacedNotWrittenThrough() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Path tmp = out.resolve(IncrementalState.FILE_NAME + ".tmp");
    Files.createSymbolicLink(tmp, victim);

    CliRun run = render(out);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(victim).hasContent("precious");
    assertThat(out.resolve(IncrementalState.FILE_NAME)).isRegularFile().content().contains("hello\t");
    assertThat(tmp).doesNotExist();
  }

  @Test
  void anOutputDirLockThatIsASymlinkIsRefusedAndItsTargetKept() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve(".rpmoverlay-lock"), victim);

    CliRun run = render(out);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("is a symbolic link");
    assertThat(victim).hasContent("precious");
  }
}
