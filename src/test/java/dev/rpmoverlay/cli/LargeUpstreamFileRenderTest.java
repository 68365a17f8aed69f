package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.ChildJvm;
import dev.rpmoverlay.testing.FedoraProject;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 12: render's memory does not grow with the size of an upstream file that it only
 * copies. A dist-git tree carrying a 300 MiB data file (allowed by the project's raised {@code
 * upstream-limits}) renders in a JVM with a 64 MiB heap, and the rendered file is the cached one,
 * byte for byte. (Before render streamed such files, the same run ended in OutOfMemoryError.) A
 * large file that an overlay edits is read whole; when it does not fit, that component fails with
 * a sentence saying so, and the others render.
 */
class LargeUpstreamFileRenderTest {
  static final long SIZE = 300L << 20;

  @TempDir Path tmp;
  Path project;
  Path cached;

  /**
   * A project of {@code curl} and {@code bigdata}, whose dist-git tree has a {@code data.bin} that its
   * spec ships as Source0 ({@code bigdataToml}: more of its component table), updated, and then the
   * cached {@code data.bin} made {@code size} bytes large.
   */
  void projectWithALargeCachedFile(String bigdataToml, long size) throws Exception {
    Path server = Files.createDirectories(tmp.resolve("dist-git"));
    ProjectUpstreamLimitsTest.repo(server, "curl", Map.of());
    String spec = "Name: bigdata\nVersion: 1\nRelease: 1\nSummary: x\nLicense: MIT\nSource0: data.bin\n\n%description\nx\n";
    ProjectUpstreamLimitsTest.repo(server, "bigdata", Map.of("bigdata.spec", spec.getBytes(StandardCharsets.UTF_8),
        "data.bin", "small until the test makes it large\n".getBytes(StandardCharsets.UTF_8)));
    project = FedoraProject.write(tmp.resolve("project"), server.toUri().toString(), "bigdata", "curl");
    String toml = Files.readString(project.resolve("azldev.toml"));
    Files.writeString(project.resolve("azldev.toml"), toml.replace("[project]\n",
        "[project]\nupstream-limits = { max-file-size-mib = 512, max-entry-size-mib = 512 }\n") + bigdataToml);
    CliRun update = CliRun.in(project, "update", "-a", "--mirror-dir", tmp.resolve("mirrors").toString());
    assertThat(update.exitCode()).as(update.err()).isZero();

    // The entry as a fetch of a tree holding the large file writes it (fetching 300 MiB through git
    // would take most of a minute): the file, and its SHA-256 in upstream.toml.
    Path entry = project.resolve("upstream-cache/bigdata");
    cached = entry.resolve("files/data.bin");
    String oldSha = sha256(Files.readAllBytes(cached));
    String newSha = writeIncompressible(cached, size);
    Path meta = entry.resolve("upstream.toml");
    Files.writeString(meta, Files.readString(meta).replace(oldSha, newSha));
  }

  @AfterEach
  void deleteTheLargeFiles() throws Exception {
    if (cached != null) {
      Files.deleteIfExists(cached);
    }
    Files.deleteIfExists(tmp.resolve("out/b/bigdata/data.bin"));
  }

  /** {@code render -a -o out} in a JVM with a 64 MiB heap; returns its exit code, its output in {@code log}. */
  int renderInASmallHeap(Path out, Path log, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("-C", project.toString(), "render", "-a", "-o", out.toString()));
    args.addAll(List.of(more));
    Process render = ChildJvm.builder(Main.class, List.of("-Xmx64m"), args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(render.waitFor(120, TimeUnit.SECONDS)).as("render finished").isTrue();
    return render.exitValue();
  }

  @Test
  void aFileLargerThanTheHeapIsStreamedToTheOutputUnchanged() throws Exception {
    projectWithALargeCachedFile("", SIZE);
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("render.log");

    int exit = renderInASmallHeap(out, log);

    String output = Files.readString(log);
    assertThat(output).doesNotContain("OutOfMemoryError");
    assertThat(exit).as(output).isZero();
    assertThat(out.resolve("c/curl/curl.spec")).isRegularFile();
    Path rendered = out.resolve("b/bigdata/data.bin");
    assertThat(Files.size(rendered)).isEqualTo(SIZE);
    assertThat(Files.mismatch(cached, rendered)).as("first differing byte").isEqualTo(-1L);
  }

  @Test
  void aLargeFileThatAnOverlayEditsFailsOnlyItsComponentWhenItDoesNotFitTheHeap() throws Exception {
    projectWithALargeCachedFile("""
        [[components.bigdata.overlays]]
        type = "file-search-replace"
        description = "an edit that needs the whole file in memory"
        file = "data.bin"
        regex = "small"
        replacement = "large"
        """, 96L << 20);
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("render.log");

    // one job: the other component must not be rendering while this one's read is refused
    int exit = renderInASmallHeap(out, log, "--jobs", "1");

    String output = Files.readString(log);
    assertThat(exit).as(output).isEqualTo(ExitCodes.FAILED);
    assertThat(output).contains("component bigdata: ran out of memory while rendering (Java heap space)",
        "give the JVM a larger heap").doesNotContain("internal error", "\tat ");
    assertThat(out.resolve("c/curl/curl.spec")).isRegularFile();
    assertThat(out.resolve("b/bigdata/RENDER_FAILED")).isRegularFile();
  }

  /** Writes {@code size} bytes that no compressor can shrink (xorshift output), quickly; returns their SHA-256. */
  static String writeIncompressible(Path file, long size) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    long x = 0x9E3779B97F4A7C15L;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += chunk.capacity()) {
        chunk.clear();
        while (chunk.hasRemaining()) {
          x ^= x << 13;
          x ^= x >>> 7;
          x ^= x << 17;
          chunk.putLong(x);
        }
        sha.update(chunk.array());
        out.write(chunk.array());
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
