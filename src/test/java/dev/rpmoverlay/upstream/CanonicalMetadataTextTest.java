package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.upstream.CacheMetadata.FileRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast reader of writer-produced {@code upstream.toml} agrees with the full TOML parser, and defers to it otherwise. */
class CanonicalMetadataTextTest {

  @TempDir Path tmp;

  static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static CacheMetadata tricky() {
    return new CacheMetadata(1, "py\"th\\on3.12", "python3.12", "https://example.org/a b\tc", "f43",
        "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123", Instant.parse("2026-02-20T10:00:00Z"), "",
        Optional.of("history.json"), List.of(
            new FileRecord("tests/run.sh", FileKind.EXECUTABLE, SHA, ""),
            new FileRecord("link", FileKind.SYMLINK, SHA, "../x\u0001y"),
            new FileRecord("ünïcode \"quoted\".patch", FileKind.REGULAR, SHA, "")));
  }

  @Test
  void writerOutputIsReadWithoutTheTomlParserAndMeansTheSame() throws Exception {
    byte[] bytes = CacheMetadataToml.write(tricky()).getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(tmp.resolve("upstream.toml"), bytes);

    assertThat(CanonicalMetadataText.parse(bytes)).contains(tricky());
    assertThat(CacheMetadataToml.read(file)).isEqualTo(tricky());
  }

  @Test
  void anEntryWithoutHistoryOrFilesIsCanonicalToo() {
    CacheMetadata m = new CacheMetadata(1, "a", "a", "u", "b", "c", Instant.parse("2026-02-20T10:00:00Z"),
        "2026-02-24T00:00:00-08:00", Optional.empty(), List.of());
    assertThat(CanonicalMetadataText.parse(CacheMetadataToml.write(m).getBytes(StandardCharsets.UTF_8))).contains(m);
  }

  @Test
  void otherwiseFormattedTomlIsLeftToTheFullParserWhichReadsTheSameMetadata() throws Exception {
    String canonical = CacheMetadataToml.write(tricky());
    for (String variant : List.of(
        canonical.replace("\n", "\r\n"),
        canonical.replace("# Upstream cache entry", "# hand-written entry"),
        canonical.replace("format = 1\n", "format = 1 # the format\n"),
        canonical.replace("branch = \"f43\"", "branch = 'f43'"),
        canonical.replace("branch = \"f43\"", "branch   =   \"f43\""),
        canonical.replace("commit-time = \"2026-02-20T10:00:00Z\"", "commit-time = \"2026-02-20T10:00:00.000Z\""),
        canonical + "\n")) {
      byte[] bytes = variant.getBytes(StandardCharsets.UTF_8);
      assertThat(CanonicalMetadataText.parse(bytes)).as(variant).isEmpty();
      assertThat(CacheMetadataToml.read(Files.write(tmp.resolve("upstream.toml"), bytes))).as(variant).isEqualTo(tricky());
    }
  }

  @Test
  void filesListedOutOfOrderAreNotCanonical() {
    String canonical = CacheMetadataToml.write(tricky());
    int first = canonical.indexOf("\n[[file]]");
    int second = canonical.indexOf("\n[[file]]", first + 1);
    String swapped = canonical.substring(0, first) + canonical.substring(second) + canonical.substring(first, second);
    assertThat(CanonicalMetadataText.parse(swapped.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void invalidUtf8IsNeverCanonical() {
    byte[] bytes = CacheMetadataToml.write(tricky()).getBytes(StandardCharsets.UTF_8);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("f43");
    bytes[at] = (byte) 0xff;
    assertThat(CanonicalMetadataText.parse(bytes)).isEmpty();
  }

  @Test
  void anUnknownModeOrFormatIsLeftToTheFullParser() {
    String canonical = CacheMetadataToml.write(tricky());
    assertThat(CanonicalMetadataText.parse(canonical.replace("100755", "100777").getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(CanonicalMetadataText.parse(canonical.replace("format = 1", "format = 2").getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}
