package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.testing.DirectoryContents;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream files over the in-memory bound are carried as stored files: copied to the output a chunk
 * at a time with their SHA-256 checked on the way, streamed into the output digest and the
 * comparison with the current output, read whole only when an overlay edits one. The output is the
 * same bytes, and the state the same digests, as with every file in memory.
 */
class StoredUpstreamFilesTest {
  static final String SPEC = "Name: hello\nVersion: 1\nRelease: 1\nSummary: hi\nLicense: MIT\nSource0: data.bin\n"
      + "Source1: notes.txt\nSource2: run.sh\n\n%description\nHi.\n";

  @TempDir Path tmp;
  Path cacheDir;
  Path files;
  byte[] data;

  @BeforeEach
  void entryWithABinaryFileOverAMebibyte() throws IOException {
    cacheDir = tmp.resolve("upstream-cache");
    files = Files.createDirectories(cacheDir.resolve("hello/files"));
    data = new byte[1_500_000]; // over TreeFile's bound too, so the output dir's copy is streamed when read back
    new Random(18).nextBytes(data);
    Files.writeString(files.resolve("hello.spec"), SPEC);
    Files.write(files.resolve("data.bin"), data);
    Files.writeString(files.resolve("notes.txt"), "small notes\n");
    Files.writeString(files.resolve("run.sh"), "#!/bin/sh\n");
    Files.writeString(files.resolve("README.md"), "dropped by the file filter\n");
    StringBuilder toml = new StringBuilder(RenderFromHandWrittenCacheTest.ENTRY_HEADER).append('\n');
    for (String f : List.of("README.md", "data.bin", "hello.spec", "notes.txt", "run.sh")) {
      toml.append("\n[[file]]\npath = \"").append(f).append("\"\nmode = \"").append(f.equals("run.sh") ? "100755" : "100644")
          .append("\"\nsha256 = \"").append(Hashing.sha256().hashBytes(Files.readAllBytes(files.resolve(f)))).append("\"\n");
    }
    Files.writeString(cacheDir.resolve("hello/upstream.toml"), toml);
  }

  ComponentConfig hello(Overlay... overlays) {
    return new ComponentConfig("hello", SourcePosition.of(tmp.resolve("hello.comp.toml")), List.of(),
        new SpecSource("upstream", Optional.empty(), new DistroRef("fedora", "43", ""), "", ""), ReleaseCalculation.MANUAL,
        BuildConfig.NONE, false, List.of(), List.of(overlays));
  }

  /** Renders {@code component} into {@code out} the way render does (staging, state), with input fingerprint {@code fp}. */
  RenderSummary render(UpstreamCache cache, ComponentConfig component, Path out, String fp) throws IOException {
    ComponentRenderer renderer = new ComponentRenderer(new UpstreamCacheSourceTreeProvider(cache), Templates.bundled(),
        new OverlayEngine(Compat.CURRENT));
    return new RenderRun(renderer, c -> List.of(), Templates.bundled(), FaultInjector.NONE)
        .withInputFingerprints(c -> Optional.of(fp))
        .run(List.of(component), Set.of("hello"), RenderOptions.into(out), r -> {});
  }

  UpstreamCache streamingEverything() {
    return UpstreamCache.open(cacheDir).withInMemoryMax(0).deferringLargeFileChecks();
  }

  @Test
  void streamedFilesRenderTheSameBytesAndStateDigestAsFilesHeldInMemory() throws IOException {
    Path held = tmp.resolve("held");
    Path streamed = tmp.resolve("streamed");

    render(UpstreamCache.open(cacheDir).withInMemoryMax(Long.MAX_VALUE), hello(), held, "fp");
    RenderSummary summary = render(streamingEverything(), hello(), streamed, "fp");

    assertThat(summary.results()).allSatisfy(r -> assertThat(r.failed()).as(r.error()).isFalse());
    assertThat(DirectoryContents.of(streamed)).isEqualTo(DirectoryContents.of(held))
        .containsKeys("h/hello/data.bin", "h/hello/run.sh").doesNotContainKey("h/hello/README.md");
    assertThat(Files.readAllBytes(streamed.resolve("h/hello/data.bin"))).isEqualTo(data);
    String state = Files.readString(streamed.resolve(IncrementalState.FILE_NAME));
    assertThat(state).isEqualTo(Files.readString(held.resolve(IncrementalState.FILE_NAME)))
        .as("the digest is the one the state format has always recorded, so existing state stays valid")
        .contains("\t" + wholeFileDigest(streamed.resolve("h/hello")) + "\n");
  }

  /** The state's v2 digest written out as it was before streaming: each file's bytes in one putBytes. */
  static String wholeFileDigest(Path dir) throws IOException {
    Map<String, Path> sorted = new TreeMap<>();
    try (var walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(f -> sorted.put(dir.relativize(f).toString(), f));
    }
    Hasher h = Hashing.murmur3_128().newHasher();
    for (var e : sorted.entrySet()) {
      byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] content = Files.readAllBytes(e.getValue());
      h.putInt(path.length).putBytes(path).putBoolean(Files.isExecutable(e.getValue())).putInt(content.length).putBytes(content);
    }
    return h.hash().toString();
  }

  @Test
  void aSecondRunSkipsTheComponentWhoseStreamedOutputIsUnchanged() throws IOException {
    Path out = tmp.resolve("out");
    render(streamingEverything(), hello(), out, "fp");

    RenderSummary again = render(streamingEverything(), hello(), out, "fp");
    RenderSummary changedInputs = render(streamingEverything(), hello(), out, "fp2");

    assertThat(again.results()).singleElement().satisfies(r -> assertThat(r.output()).isEqualTo(ComponentResult.Output.UNCHANGED));
    assertThat(changedInputs.results()).singleElement().satisfies(r -> {
      assertThat(r.changed()).as("rendered again, compared with the output dir by streaming, equal").isFalse();
      assertThat(r.failed()).isFalse();
    });
  }

  @Test
  void aStreamedFileChangedInTheCacheFailsItsComponentOnTheWayOutAndKeepsThePreviousOutput() throws IOException {
    Path out = tmp.resolve("out");
    render(streamingEverything(), hello(), out, "fp");
    byte[] tampered = data.clone();
    tampered[1_000_000] ^= 1;
    Files.write(files.resolve("data.bin"), tampered);

    RenderSummary summary = render(streamingEverything(), hello(), out, "fp2");

    assertThat(summary.results()).singleElement().satisfies(r -> {
      assertThat(r.failed()).isTrue();
      assertThat(r.error()).startsWith("upstream cache entry for component 'hello' is corrupt: files/data.bin has SHA-256 ")
          .endsWith("; run 'rpmoverlay fetch hello' to rewrite it");
      assertThat(r.output()).isEqualTo(ComponentResult.Output.KEPT);
    });
    assertThat(Files.readAllBytes(out.resolve("h/hello/data.bin"))).isEqualTo(data);
    assertThat(out.resolve(".rpmoverlay-staging")).doesNotExist();
  }

  @Test
  void aLargeFileOfALocalSpecDirIsStreamedToTheOutputToo() throws IOException {
    Path specDir = Files.createDirectories(tmp.resolve("local/hello"));
    Files.writeString(specDir.resolve("hello.spec"), SPEC.replace("Source1: notes.txt\nSource2: run.sh\n", ""));
    Files.write(specDir.resolve("data.bin"), data);
    ComponentConfig local = new ComponentConfig("hello", SourcePosition.of(tmp.resolve("hello.comp.toml")), List.of(),
        new SpecSource("local", Optional.of(specDir), DistroRef.NONE, "", ""), ReleaseCalculation.MANUAL,
        BuildConfig.NONE, false, List.of(), List.of());
    ComponentRenderer renderer = new ComponentRenderer(DirectorySourceTreeProvider.localOr(tmp), Templates.bundled(),
        new OverlayEngine(Compat.CURRENT));
    Path out = tmp.resolve("out");

    RenderSummary summary = new RenderRun(renderer, c -> List.of(), Templates.bundled(), FaultInjector.NONE)
        .run(List.of(local), Set.of("hello"), RenderOptions.into(out), r -> {});

    assertThat(summary.results()).singleElement().satisfies(r -> assertThat(r.failed()).as(r.error()).isFalse());
    assertThat(Files.readAllBytes(out.resolve("h/hello/data.bin"))).isEqualTo(data);
    assertThat(renderer.render(local, 0).files().get("data.bin")).hasValueSatisfying(f -> assertThat(f.isStored()).isTrue());
  }

  @Test
  void anOverlayEditsAStreamedFileByReadingItWhole() throws IOException {
    Overlay edit = new Overlay.FileSearchReplace(new OverlayInfo(0, "say more", Optional.empty(),
        new SourcePosition(tmp.resolve("hello.comp.toml"), 3, 1)), "notes.txt", "small", "large", Optional.empty());
    Path out = tmp.resolve("out");

    RenderSummary summary = render(streamingEverything(), hello(edit), out, "fp");

    assertThat(summary.results()).singleElement().satisfies(r -> assertThat(r.failed()).as(r.error()).isFalse());
    assertThat(out.resolve("h/hello/notes.txt")).hasContent("large notes");
    assertThat(Files.readAllBytes(out.resolve("h/hello/data.bin"))).isEqualTo(data);
  }
}
