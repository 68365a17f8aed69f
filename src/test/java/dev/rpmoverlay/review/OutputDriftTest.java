package dev.rpmoverlay.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code render --check} shows for a drifted file, by its size. */
class OutputDriftTest {
  @TempDir Path tmp;

  @Test
  void aDriftedFileOverTheInMemoryBoundIsNamedButNotReadWholeForADiff() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out/h/hello"));
    byte[] text = new byte[(int) TreeFile.IN_MEMORY_MAX_BYTES + 10];
    Arrays.fill(text, (byte) 'a');
    Files.write(out.resolve("big.txt"), text);
    Files.writeString(out.resolve("hello.spec"), "Name: hello\n");
    text[5] = 'b';
    Path renderedBig = Files.write(tmp.resolve("big.txt"), text);
    SourceTree rendered = new SourceTree();
    rendered.put("big.txt", TreeFile.read(renderedBig, false));
    rendered.put("hello.spec", new TreeFile("Name: hello2\n".getBytes(StandardCharsets.UTF_8), false));

    OutputDrift drift = OutputDrift.of("hello", "h/hello", out, rendered);

    assertThat(drift.fileLines()).containsExactly("changed big.txt", "changed hello.spec");
    assertThat(drift.diff()).contains("diff a/h/hello/big.txt b/h/hello/big.txt",
        "Files a/h/hello/big.txt and b/h/hello/big.txt differ (larger than 1048576 bytes, not shown)",
        "-Name: hello", "+Name: hello2");
  }

  @Test
  void aLargeFileWhoseOnlyChangeIsItsModeIsShownAsAModeChange() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out/h/hello"));
    byte[] data = new byte[(int) TreeFile.IN_MEMORY_MAX_BYTES + 10];
    Files.write(out.resolve("data.bin"), data);
    SourceTree rendered = new SourceTree();
    rendered.put("data.bin", TreeFile.read(Files.write(tmp.resolve("data.bin"), data), true));

    OutputDrift drift = OutputDrift.of("hello", "h/hello", out, rendered);

    assertThat(drift.fileLines()).containsExactly("changed data.bin (mode)");
    assertThat(drift.diff()).containsExactly("diff a/h/hello/data.bin b/h/hello/data.bin", "old mode 100644", "new mode 100755");
  }

  @Test
  void aFileMissingFromTheOutputIsShownWholeWithoutAQuadraticDiff() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out/h/hello"));
    String text = IntStream.range(0, 100_000).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    SourceTree rendered = new SourceTree();
    rendered.put("hello.spec", new TreeFile(text.getBytes(StandardCharsets.UTF_8), false));

    // Myers' diff against an empty file takes time quadratic in its length: minutes for this one
    OutputDrift drift = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> OutputDrift.of("hello", "h/hello", out, rendered));

    assertThat(drift.fileLines()).containsExactly("added hello.spec");
    assertThat(drift.diff()).hasSize(4 + 100_000).startsWith("diff /dev/null b/h/hello/hello.spec", "--- /dev/null", "+++ b/h/hello/hello.spec",
        "@@ -0,0 +1,100000 @@").endsWith("+line 99999");
  }

  @Test
  void aFileTheRenderNoLongerWritesIsShownWhollyRemoved() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out/h/hello"));
    Files.writeString(out.resolve("old.conf"), "a\nb\n");

    OutputDrift drift = OutputDrift.of("hello", "h/hello", out, new SourceTree());

    assertThat(drift.diff()).containsExactly("diff a/h/hello/old.conf /dev/null", "--- a/h/hello/old.conf", "+++ /dev/null", "@@ -1,2 +0,0 @@", "-a", "-b");
  }
}
