package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.render.TreeStamps;
import dev.rpmoverlay.render.WrittenStamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stamp record proves a dir written during the run unchanged since from the stamps its files
 * had right after render wrote them ({@link WrittenStamps}); a dir they do not prove is read back.
 */
class RenderShortcutWrittenStampsTest {
  @TempDir Path project;
  Path helloOut;
  RenderShortcut shortcut;
  Project loaded;
  List<ComponentConfig> components;
  /** The dirs the record had read back, and what the read-back proof answers. */
  final Set<String> readBack = new HashSet<>();
  final Set<String> notHolding = new HashSet<>();
  long start;

  @BeforeEach
  void renderOnceThenWriteHelloAgain() throws Exception {
    RenderedHelloProject rendered = RenderedHelloProject.in(project, "Source0: notes.txt\n", Map.of("notes.txt", "notes\n"));
    shortcut = rendered.shortcut();
    loaded = rendered.loaded();
    components = rendered.components();
    helloOut = rendered.out().resolve("h/hello");
    start = System.currentTimeMillis();
    // what a run that wrote hello's dir leaves there: the same files, written during the run
    for (Path f : files(helloOut)) {
      Files.write(f, Files.readAllBytes(f));
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  /** The stamps of what is in hello's dir now, as render reads them right after writing. */
  private WrittenStamps stampsNow() throws IOException {
    Map<String, TreeStamps.FileStamp> stamps = new HashMap<>();
    for (Path f : files(helloOut)) {
      stamps.put(f.getFileName().toString(), TreeStamps.FileStamp.of(f));
    }
    return new WrittenStamps(Map.of("hello", stamps));
  }

  private Optional<String> record(WrittenStamps stamps) throws InterruptedException {
    RenderShortcutTest.settle();
    return shortcut.record(loaded, components, stamps, names -> {
      readBack.addAll(names);
      Set<String> bad = new HashSet<>(names);
      bad.retainAll(notHolding);
      return bad;
    }, new RenderShortcut.Outcome(List.of(), List.of(), List.of()), start, Optional.empty());
  }

  @Test
  void aDirWhoseFilesKeepTheirWriteStampsIsNotReadBack() throws Exception {
    assertThat(record(stampsNow())).isEmpty();

    assertThat(readBack).isEmpty();
    assertThat(shortcut.recorded()).isPresent();
  }

  @Test
  void aDirWithoutWriteStampsIsReadBack() throws Exception {
    assertThat(record(WrittenStamps.NONE)).isEmpty();

    assertThat(readBack).containsExactly("hello");
  }

  @Test
  void aFileWrittenAgainAfterItsStampIsReadBackAndAnEditFound() throws Exception {
    WrittenStamps stamps = stampsNow();
    RenderShortcutTest.settle();
    Files.writeString(helloOut.resolve("notes.txt"), "edited\n");
    notHolding.add("hello");

    assertThat(record(stamps)).hasValueSatisfying(why -> assertThat(why).contains("the output of hello is not what render wrote"));

    assertThat(readBack).containsExactly("hello");
    assertThat(shortcut.recorded()).isEmpty();
  }

  @Test
  void aFileAddedToAStampedDirIsReadBack() throws Exception {
    WrittenStamps stamps = stampsNow();
    Files.writeString(helloOut.resolve("extra"), "left by someone\n");

    record(stamps);

    assertThat(readBack).containsExactly("hello");
  }

  @Test
  void aFileRemovedFromAStampedDirIsReadBack() throws Exception {
    WrittenStamps stamps = stampsNow();
    Files.delete(helloOut.resolve("notes.txt"));

    record(stamps);

    assertThat(readBack).containsExactly("hello");
  }
}
