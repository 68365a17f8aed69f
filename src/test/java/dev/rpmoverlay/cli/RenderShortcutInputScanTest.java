package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.render.DirListings;
import dev.rpmoverlay.render.WrittenStamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stamps of a render's inputs are read on a background thread while it renders
 * ({@link RenderShortcut#scanInputs}); the record they go into must still only ever match inputs
 * that are what the run read.
 */
class RenderShortcutInputScanTest {
  @TempDir Path project;
  RenderShortcut shortcut;
  Project loaded;
  List<String> names;
  List<ComponentConfig> components;

  @BeforeEach
  void renderOnce() throws Exception {
    RenderedHelloProject rendered = RenderedHelloProject.in(project, "", Map.of());
    shortcut = rendered.shortcut();
    loaded = rendered.loaded();
    names = rendered.names();
    components = rendered.components();
  }

  /** Starts the background scan of the inputs of a run started at {@code start}. */
  private RenderShortcut.InputScan scanFrom(long start) {
    return shortcut.scanInputs(loaded, names, start, DirListings::none);
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
