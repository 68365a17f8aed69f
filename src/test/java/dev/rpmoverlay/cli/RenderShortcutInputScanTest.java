package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.render.DirListings;
import dev.rpmoverlay.render.WrittenStamps;
import dev.rpmoverlay.testing.LocalProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The stamps of a render's inputs are read on a background thread while it renders
 * ({@link RenderShortcut#scanInputs}); the record they go into must still only ever match inputs
 * that are what the run read.
 */
class RenderShortcutInputScanTest {
  @TempDir Path project;
  Path out;
  RenderShortcut shortcut;
  Project loaded;
  List<String> names;
  List<ComponentConfig> components;

  @BeforeEach
  void renderOnce() throws Exception {
    out = project.resolve("out");
    Files.writeString(project.resolve("azldev.toml"), LocalProject.HEADER + """
        [components.hello]
        spec = { type = "local", path = "comps/hello" }
        """);
    Path dir = Files.createDirectories(project.resolve("comps/hello"));
    Files.writeString(dir.resolve("hello.spec"), "Name: hello\nRelease: 1%{?dist}\n\n%description\nd\n");
    RenderShortcutTest.settle();
    assertThat(CliRun.in(project, "render", "-a", "-o", out.toString(), "--no-lint").exitCode()).isZero();
    RootCommand global = new RootCommand();
    new CommandLine(global).parseArgs("-C", project.toString());
    shortcut = RenderShortcut.of(global, out, List.of("test")).orElseThrow();
    loaded = new ProjectContext(global, new PrintWriter(new StringWriter())).project();
    names = List.copyOf(loaded.componentNames());
    components = names.stream().map(loaded::resolve).toList();
    RenderShortcutTest.settle();
  }

  /** Starts the background scan of the inputs of a run started at {@code start}. */
  private RenderShortcut.InputScan scanFrom(long start) {
    return shortcut.scanInputs(loaded, names, start, DirListings.none());
  }

  private Optional<String> record(long start, RenderShortcut.InputScan scan) {
    return shortcut.record(loaded, components, WrittenStamps.NONE, names -> Set.of(), new RenderShortcut.Outcome(List.of(), List.of(), List.of()), start,
        Optional.of(scan));
  }

  private boolean recordMatchesNow() {
    return shortcut.recorded().map(RenderShortcut.Recorded::unchanged).orElse(false);
  }

  @Test
  void stampsReadInTheBackgroundMakeTheSameRecordAsAScanAtTheEnd() {
    long start = System.currentTimeMillis();
    RenderShortcut.InputScan scan = scanFrom(start);
    assertThat(scan.result()).isPresent();

    assertThat(record(start, scan)).isEmpty();
    assertThat(recordMatchesNow()).isTrue();
  }

  @Test
  void anInputEditedAfterItsStampWasReadIsNeverTakenForUnchanged() throws Exception {
    long start = System.currentTimeMillis();
    RenderShortcut.InputScan scan = scanFrom(start);
    assertThat(scan.result()).isPresent();
    Files.writeString(project.resolve("comps/hello/hello.spec"), "Name: hello\nRelease: 2%{?dist}\n\n%description\nd\n");
    RenderShortcutTest.settle();

    record(start, scan);

    assertThat(recordMatchesNow()).isFalse();
  }

  @Test
  void aFileAddedToAnInputDirAfterItWasReadIsNeverTakenForUnchanged() throws Exception {
    long start = System.currentTimeMillis();
    RenderShortcut.InputScan scan = scanFrom(start);
    assertThat(scan.result()).isPresent();
    Files.writeString(project.resolve("comps/hello/new.patch"), "x\n");
    RenderShortcutTest.settle();

    record(start, scan);

    assertThat(recordMatchesNow()).isFalse();
  }

  @Test
  void anInputChangedAfterTheStartButBeforeItsStampWasReadLeavesNoRecord() throws Exception {
    long start = System.currentTimeMillis();
    Files.writeString(project.resolve("comps/hello/hello.spec"), "Name: hello\nRelease: 3%{?dist}\n\n%description\nd\n");
    RenderShortcut.InputScan scan = scanFrom(start);

    assertThat(record(start, scan)).hasValueSatisfying(why -> assertThat(why).contains("hello.spec changed while render ran"));
    assertThat(shortcut.recorded()).isEmpty();
  }
}
