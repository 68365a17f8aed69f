package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.render.DirListings;
import dev.rpmoverlay.render.TreeStamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listings kept in the work dir spare a later scan the directories whose stamp has not moved, and only those. */
class KeptInputListingsTest {
  @TempDir Path tmp;
  Path inputs;
  Path work;

  @BeforeEach
  void writeTree() throws Exception {
    inputs = tmp.resolve("inputs");
    work = tmp.resolve("work");
    for (String dir : List.of("a", "b", "c/d")) {
      Files.createDirectories(inputs.resolve(dir));
      Files.writeString(inputs.resolve(dir).resolve("f"), dir);
    }
    RenderShortcutTest.settle();
  }

  /** Scans the inputs starting from {@code known}; returns how many directories the scan read from disk. */
  private int scan(DirListings known) throws Exception {
    TreeStamps.rootHashes(List.of(inputs), Set.of(), known, (f, s) -> {});
    return known.reads();
  }

  /** Scans from nothing and keeps what the scan found. */
  private void keep() throws Exception {
    DirListings found = DirListings.none();
    assertThat(scan(found)).isEqualTo(5);
    KeptInputListings.write(work, found, root -> true, System.currentTimeMillis() * 1_000_000);
  }

  @Test
  void aScanFromKeptListingsReadsNoUnchangedDirectory() throws Exception {
    keep();

    assertThat(scan(KeptInputListings.read(work))).isZero();
  }

  @Test
  void aScanFromKeptListingsReadsTheDirectoryAFileWasAddedTo() throws Exception {
    keep();
    Files.writeString(inputs.resolve("c/d/new"), "x");

    assertThat(scan(KeptInputListings.read(work))).isEqualTo(1);
  }

  @Test
  void onlyTheRootsAskedForAreKept() throws Exception {
    DirListings found = DirListings.none();
    scan(found);
    KeptInputListings.write(work, found, root -> !root.equals(inputs.toString()), System.currentTimeMillis() * 1_000_000);

    assertThat(scan(KeptInputListings.read(work))).isEqualTo(5);
  }

  @Test
  void aDamagedFileIsNotUsed() throws Exception {
    keep();
    Path file = work.resolve(KeptInputListings.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);

    assertThat(scan(KeptInputListings.read(work))).isEqualTo(5);
  }

  @Test
  void aFileCutShortIsNotUsed() throws Exception {
    keep();
    Path file = work.resolve(KeptInputListings.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));

    assertThat(scan(KeptInputListings.read(work))).isEqualTo(5);
  }

  @Test
  void noFileMeansEveryDirectoryIsRead() throws Exception {
    assertThat(scan(KeptInputListings.read(work))).isEqualTo(5);
  }
}
