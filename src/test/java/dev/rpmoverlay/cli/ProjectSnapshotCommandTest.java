package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands keep the loaded project in the snapshot dir and see an edit made after it was kept. */
class ProjectSnapshotCommandTest {
  @TempDir Path tmp;
  private String before;

  @BeforeEach
  void useOwnSnapshotDir() {
    before = System.getProperty(ProjectContext.SNAPSHOT_PROPERTY);
    System.setProperty(ProjectContext.SNAPSHOT_PROPERTY, tmp.resolve("snapshots").toString());
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(ProjectContext.SNAPSHOT_PROPERTY);
    } else {
      System.setProperty(ProjectContext.SNAPSHOT_PROPERTY, before);
    }
  }

  @Test
  void listKeepsTheProjectAndTheNextListSeesAComponentAddedSince() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha");
    Thread.sleep(80); // past the tick margin: a load of files written just now is not kept
    assertThat(CliRun.in(project, "list").out()).contains("alpha").doesNotContain("beta");
    assertThat(snapshotFiles()).isEqualTo(1);

    LocalProject.write(project, "", "alpha", "beta");

    assertThat(CliRun.in(project, "list").out()).contains("alpha", "beta");
  }

  @Test
  void noSnapshotIsKeptWhenTurnedOff() throws Exception {
    System.setProperty(ProjectContext.SNAPSHOT_PROPERTY, "off");
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha");
    Thread.sleep(80);

    assertThat(CliRun.in(project, "list").exitCode()).isZero();
    assertThat(tmp.resolve("snapshots")).doesNotExist();
  }

  private long snapshotFiles() throws Exception {
    try (Stream<Path> files = Files.list(tmp.resolve("snapshots"))) {
      return files.filter(p -> p.toString().endsWith(".project")).count();
    }
  }
}
