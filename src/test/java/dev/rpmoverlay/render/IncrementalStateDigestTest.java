package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalStateDigestTest {
  @TempDir Path dir;

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  @Test
  void theDigestOfATreeIsTheOneEveryEarlierStateFileRecorded() {
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", new TreeFile("Name: demo\n".getBytes(StandardCharsets.UTF_8), false));
    tree.put("sub/run.sh", new TreeFile(pattern(200_000), true));

    // the value the chunked digest of main at cb22b53 gave: a changed digest would make every
    // recorded output dir look edited, and the next render write all of them again
    assertThat(IncrementalState.digest(tree)).isEqualTo("4d758ee4c4849d856f2a2a51ce14f308");
  }

  @Test
  void aFileLeftOnDiskDigestsLikeTheSameBytesHeldInMemory() throws Exception {
    byte[] big = pattern(3 * 1024 * 1024 + 17); // over the in-memory bound, and no multiple of any chunk
    Path file = dir.resolve("big.tar");
    Files.write(file, big);
    TreeFile stored = TreeFile.read(file, false);
    assertThat(stored.isStored()).isTrue();

    SourceTree onDisk = new SourceTree();
    onDisk.put("big.tar", stored);
    SourceTree inMemory = new SourceTree();
    inMemory.put("big.tar", new TreeFile(big, false));

    assertThat(IncrementalState.digest(onDisk)).isEqualTo(IncrementalState.digest(inMemory));
  }
}
