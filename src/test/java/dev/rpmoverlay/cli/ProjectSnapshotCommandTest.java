package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.LoadOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands keep the loaded project in the snapshot dir and see an edit made after it was kept; the
 * snapshot read from the process's start is used only for the options it was read for, and never
 * when stale.
 */
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

  /** The command as the process runs it: the work started ahead, then the command line. */
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    Main.run(Main.startAhead(args), args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    return out.toString();
  }

  private static LoadOptions optionsFor(Path project) {
    return new LoadOptions(Optional.of(project), Path.of("").toAbsolutePath(), List.of(), false);
  }

  @Test
  void aKeptSnapshotIsReadAheadForTheProjectOfMinusC() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha");
    Thread.sleep(80);
    run("-C", project.toString(), "list"); // keeps it

    SnapshotAhead.start(List.of("-C", project.toString(), "list"), true);

    assertThat(SnapshotAhead.take(optionsFor(project))).hasValueSatisfying(p -> assertThat(p.componentNames()).containsExactly("alpha"));
  }

  @Test
  void aSnapshotStaleSinceIsNotReadAheadAndTheCommandSeesTheChange() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha");
    Thread.sleep(80);
    run("-C", project.toString(), "list");
    LocalProject.write(project, "", "alpha", "beta");

    SnapshotAhead.start(List.of("-C", project.toString(), "list"), true);
    assertThat(SnapshotAhead.take(optionsFor(project))).isEmpty();
    assertThat(run("-C", project.toString(), "list")).contains("alpha", "beta");
  }

  @Test
  void aProjectReadAheadIsNotTakenForOtherOptions() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha");
    Thread.sleep(80);
    run("-C", project.toString(), "list");

    SnapshotAhead.start(List.of("-C", project.toString(), "list"), true);

    assertThat(SnapshotAhead.take(optionsFor(project).withPermissive(true))).isEmpty();
  }

  @Test
  void whatACommandDidNotTakeIsNotLeftForTheNextOne() throws Exception {
    Path project = LocalProject.write(tmp.resolve("p"), "", "alpha");
    Thread.sleep(80);
    run("-C", project.toString(), "list");
    run("-C", project.toString(), "show", "--no-such-option"); // reads ahead, fails before loading
    LocalProject.write(project, "", "alpha", "beta");

    assertThat(CliRun.in(project, "list").out()).contains("beta"); // in-process, with nothing read ahead of its own
  }

  @Test
  void onlyMinusCIsReadFromTheRootOptions() {
    Path cwd = Path.of("").toAbsolutePath();
    assertThat(SnapshotAhead.plainOptions(List.of("list"))).contains(new LoadOptions(Optional.empty(), cwd, List.of(), false));
    assertThat(SnapshotAhead.plainOptions(List.of("-C", "d", "show", "x"))).contains(new LoadOptions(Optional.of(Path.of("d")), cwd, List.of(), false));
    assertThat(SnapshotAhead.plainOptions(List.of("--project=d", "list"))).contains(new LoadOptions(Optional.of(Path.of("d")), cwd, List.of(), false));
    assertThat(SnapshotAhead.plainOptions(List.of("-q", "list", "-C", "d"))).contains(new LoadOptions(Optional.empty(), cwd, List.of(), false));
    assertThat(SnapshotAhead.plainOptions(List.of("--config-file", "x.toml", "list"))).isEmpty();
    assertThat(SnapshotAhead.plainOptions(List.of("--permissive-config", "list"))).isEmpty();
    assertThat(SnapshotAhead.plainOptions(List.of("@args"))).isEmpty();
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
