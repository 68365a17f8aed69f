package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.testing.Components;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a render offers as proof that the dirs it wrote are unchanged since: each file's stamp right after the write. */
class WrittenStampsTest {
  @TempDir Path work;
  Path out;
  ComponentConfig hello;

  @BeforeEach
  void localComponent() throws IOException {
    out = work.resolve("out");
    Path dir = Files.createDirectories(work.resolve("src/hello"));
    Files.writeString(dir.resolve("hello.spec"), "Name: hello\nRelease: 1%{?dist}\nSource0: run.sh\n\n%description\nx\n");
    Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
    dir.resolve("run.sh").toFile().setExecutable(true);
    hello = Components.local("hello", dir);
  }

  RenderSummary render(LongSupplier wallClock) throws IOException {
    ComponentRenderer renderer = new ComponentRenderer(new DirectorySourceTreeProvider(c -> c.spec().path().orElseThrow()), Templates.bundled(),
        new OverlayEngine(Compat.CURRENT));
    return new RenderRun(renderer, c -> List.of(), Templates.bundled()).withWallClock(wallClock)
        .run(List.of(hello), Set.of("hello"), RenderOptions.into(out), r -> {});
  }

  @Test
  void aDirMovedIntoPlaceAfterTheClockPassedItsWritesOffersEveryFileWithItsStampNow() throws IOException {
    RenderSummary s = render(() -> Long.MAX_VALUE / 2);

    Path dir = out.resolve("h/hello");
    assertThat(s.writtenStamps().of("hello")).hasValue(Map.of(
        "hello.spec", TreeStamps.FileStamp.of(dir.resolve("hello.spec")),
        "run.sh", TreeStamps.FileStamp.of(dir.resolve("run.sh"))));
  }

  @Test
  void aDirMovedIntoPlaceWithinTheTickOfItsWritesOffersNothing() throws IOException {
    RenderSummary s = render(() -> 0L); // a wall clock before every write: none has settled

    assertThat(s.writtenStamps().of("hello")).isEmpty();
  }

  @Test
  void aDirLeftAsItWasOffersNothing() throws IOException {
    render(() -> Long.MAX_VALUE / 2);

    RenderSummary again = render(() -> Long.MAX_VALUE / 2);

    assertThat(again.results().get(0).output()).isEqualTo(ComponentResult.Output.UNCHANGED);
    assertThat(again.writtenStamps().of("hello")).isEmpty();
  }

  @Test
  void aStampSettlesOnceTheWallClockIsATickMarginPastIt() {
    TreeStamps.FileStamp f = new TreeStamps.FileStamp(1, 5_123_000_000L, 10, 5_123_000_000L);

    assertThat(f.settled(5_123_000_000L + 49_000_000L)).isFalse();
    assertThat(f.settled(5_123_000_000L + 50_000_000L)).isTrue();
  }

  @Test
  void aStampInWholeSecondsSettlesOnlyASecondLater() {
    TreeStamps.FileStamp f = new TreeStamps.FileStamp(1, 5_000_000_000L, 10, 5_000_000_000L);

    assertThat(f.settled(5_999_000_000L)).isFalse();
    assertThat(f.settled(6_000_000_000L)).isTrue();
  }
}
