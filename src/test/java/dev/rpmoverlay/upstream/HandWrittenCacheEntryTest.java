package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes cache entries by hand, following docs/upstream-cache.md and nothing else, and reads them
 * back through {@link UpstreamCache}: the format is specified well enough for another tool.
 */
class HandWrittenCacheEntryTest {

  @TempDir Path tmp;
  Path cacheDir;
  Path entry;

  static final String SPEC = "Name: hello\nVersion: 2.12\nRelease: %autorelease\n";
  static final String SCRIPT = "#!/bin/sh\nexit 0\n";

  static String sha256(String s) {
    return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString();
  }

  @BeforeEach
  void writeEntryByHand() throws Exception {
    cacheDir = tmp.resolve("upstream-cache");
    entry = cacheDir.resolve("hello");
    Files.createDirectories(entry.resolve("files/tests"));
    Files.writeString(entry.resolve("files/hello.spec"), SPEC);
    Files.writeString(entry.resolve("files/tests/run.sh"), SCRIPT); // mode comes from the manifest
    Files.writeString(entry.resolve("history.json"), "{\"commits\":[]}");
    Files.writeString(entry.resolve("upstream.toml"), """
        # written by hand
        format = 1
        component = "hello"
        upstream-name = "hello"
        url = "file:///srv/dist-git/hello"
        branch = "f43"
        commit = "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123"
        commit-time = "2026-02-20T10:00:00Z"
        snapshot = "2026-02-24T00:00:00-08:00"
        history = "history.json"
        history-sha256 = "%s"

        [[file]]
        path = "hello.spec"
        mode = "100644"
        sha256 = "%s"

        [[file]]
        path = "link"
        mode = "120000"
        sha256 = "%s"
        target = "hello.spec"

        [[file]]
        path = "tests/run.sh"
        mode = "100755"
        sha256 = "%s"
        """.formatted(sha256("{\"commits\":[]}"), sha256(SPEC), sha256("hello.spec"), sha256(SCRIPT)));
  }

  @Test
  void aHandWrittenEntryReadsBackWithBytesModesAndMetadata() {
    CacheEntry e = UpstreamCache.open(cacheDir).entry("hello");
    assertThat(e.metadata().commit()).isEqualTo("3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123");
    assertThat(e.metadata().commitTime()).isEqualTo(Instant.parse("2026-02-20T10:00:00Z"));
    assertThat(e.metadata().snapshot()).isEqualTo("2026-02-24T00:00:00-08:00");
    assertThat(e.metadata().url()).isEqualTo("file:///srv/dist-git/hello");
    assertThat(e.files().keySet()).containsExactly("hello.spec", "tests/run.sh");
    assertThat(new String(e.files().get("hello.spec").bytes(), StandardCharsets.UTF_8)).isEqualTo(SPEC);
    assertThat(e.files().get("tests/run.sh").executable()).isTrue();
    assertThat(e.files().get("hello.spec").executable()).isFalse();
    assertThat(e.symlinks()).containsEntry("link", "hello.spec");
    assertThat(e.historyFacts()).map(b -> new String(b, StandardCharsets.UTF_8)).contains("{\"commits\":[]}");
  }

  @Test
  void whatTheWriterProducesIsWhatTheDocumentSays() throws Exception {
    CacheMetadata read = UpstreamCache.open(cacheDir).entry("hello").metadata();
    String rewritten = CacheMetadataToml.write(read);
    assertThat(rewritten).startsWith("# Upstream cache entry written by 'rpmoverlay fetch'. Format: docs/upstream-cache.md\n"
        + "format = 1\ncomponent = \"hello\"\nupstream-name = \"hello\"\n");
    assertThat(rewritten).contains("\n\n[[file]]\npath = \"link\"\nmode = \"120000\"\nsha256 = \"" + sha256("hello.spec")
        + "\"\ntarget = \"hello.spec\"\n");
  }

  @Test
  void aMissingEntrySuggestsFetch() {
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("curl"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("no upstream cache entry for component 'curl'")
        .hasMessageContaining("rpmoverlay fetch curl");
  }

  @Test
  void aChangedFileIsReportedAsCorrupt() throws Exception {
    Files.writeString(entry.resolve("files/hello.spec"), SPEC + "# local edit\n");
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello"))
        .hasMessageContaining("upstream cache entry for component 'hello' is corrupt: files/hello.spec has SHA-256")
        .hasMessageContaining("rpmoverlay fetch hello");
  }

  @Test
  void aFileLeftOnDiskIsCheckedWhenTheEntryIsReadUnlessTheCheckIsDeferredToItsReader() throws Exception {
    Files.writeString(entry.resolve("files/hello.spec"), SPEC.replace("2.12", "2.13"));
    UpstreamCache streaming = UpstreamCache.open(cacheDir).withInMemoryMax(0);
    assertThatThrownBy(() -> streaming.entry("hello"))
        .hasMessageContaining("upstream cache entry for component 'hello' is corrupt: files/hello.spec has SHA-256");

    CachedFile spec = streaming.deferringLargeFileChecks().entry("hello").files().get("hello.spec");

    assertThat(spec.inMemory()).isFalse();
    assertThatThrownBy(() -> {
      try (var in = spec.open()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("upstream cache entry for component 'hello' is corrupt: files/hello.spec has SHA-256")
        .hasMessageContaining("rpmoverlay fetch hello");
  }

  @Test
  void aFileLeftOnDiskThatIsReplacedByALinkAfterTheEntryWasReadIsNotReadThroughIt() throws Exception {
    CachedFile spec = UpstreamCache.open(cacheDir).withInMemoryMax(0).deferringLargeFileChecks().entry("hello")
        .files().get("hello.spec");
    Path elsewhere = Files.writeString(tmp.resolve("elsewhere.spec"), SPEC); // same bytes: the hash would pass
    Files.delete(entry.resolve("files/hello.spec"));
    Files.createSymbolicLink(entry.resolve("files/hello.spec"), elsewhere);

    assertThatThrownBy(spec::open).isInstanceOf(java.io.IOException.class);
    assertThatThrownBy(spec::openUnchecked).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void anUnlistedFileIsReportedAsCorrupt() throws Exception {
    Files.writeString(entry.resolve("files/stray.patch"), "x");
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello"))
        .hasMessageContaining("files/stray.patch is not listed in upstream.toml");
  }

  @Test
  void anUnlistedFileInASubdirectoryIsReportedAsCorrupt() throws Exception {
    Files.writeString(entry.resolve("files/tests/extra.sh"), "x");
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello"))
        .hasMessageContaining("files/tests/extra.sh is not listed in upstream.toml");
  }

  @Test
  void aFilesDirectoryThatIsASymbolicLinkIsNotReadThroughIt() throws Exception {
    Path elsewhere = tmp.resolve("elsewhere");
    Files.move(entry.resolve("files"), elsewhere);
    Files.createSymbolicLink(entry.resolve("files"), elsewhere);
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello"))
        .hasMessageContaining("listed file files/hello.spec is missing (a symbolic link is in its place or on its path");
  }

  @Test
  void aMissingListedFileIsReportedAsCorrupt() throws Exception {
    Files.delete(entry.resolve("files/tests/run.sh"));
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello"))
        .hasMessageContaining("listed file files/tests/run.sh is missing");
  }

  @Test
  void invalidTomlIsReportedWithLineAndColumn() throws Exception {
    Files.writeString(entry.resolve("upstream.toml"), "format = 1\ncomponent = \"hello\n");
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello"))
        .hasMessageContaining("is corrupt: " + entry.resolve("upstream.toml") + ":2:");
  }

  @Test
  void aPathEscapingTheEntryIsRejected() throws Exception {
    String toml = Files.readString(entry.resolve("upstream.toml")).replace("path = \"hello.spec\"", "path = \"../hello.spec\"");
    Files.writeString(entry.resolve("upstream.toml"), toml);
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello")).hasMessageContaining("unsafe path '../hello.spec'");
  }

  @Test
  void anUnknownFormatIsRejected() throws Exception {
    String toml = Files.readString(entry.resolve("upstream.toml")).replace("format = 1", "format = 2");
    Files.writeString(entry.resolve("upstream.toml"), toml);
    assertThatThrownBy(() -> UpstreamCache.open(cacheDir).entry("hello")).hasMessageContaining("unsupported cache format 2");
  }

  @Test
  void componentsListsEntriesButNotStagingDirectories() throws Exception {
    Files.createDirectories(cacheDir.resolve(".staging-hello-123"));
    assertThat(UpstreamCache.open(cacheDir).components()).containsExactly("hello");
  }
}
