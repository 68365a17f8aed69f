package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory listings a stamp scan keeps so that the next scan need not read unchanged directories. */
class DirListingsTest {
  @TempDir Path root;

  private String scan(DirListings listings) throws Exception {
    return TreeStamps.digest(List.of(root), Set.of(), listings, (f, c) -> {});
  }

  private List<String> written(DirListings listings, long beforeNanos) {
    StringBuilder sb = new StringBuilder();
    listings.write(sb, "", beforeNanos);
    return sb.isEmpty() ? List.of() : List.of(sb.toString().split("\n"));
  }

  private void tree() throws Exception {
    Files.createDirectories(root.resolve("a/b"));
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("a/b/f.spec"), "x");
    Files.writeString(root.resolve("a/g"), "y");
  }

  @Test
  void writtenListingsReadBackGiveTheSameDigest() throws Exception {
    tree();
    DirListings first = DirListings.none();
    String digest = scan(first);
    List<String> lines = written(first, Long.MAX_VALUE);
    assertThat(lines).hasSize(4); // root, a, a/b, empty
    assertThat(scan(DirListings.parse(lines))).isEqualTo(digest);
  }

  @Test
  void aChildLineNamesItsParentsLineAndOnlyItsOwnName() throws Exception {
    tree();
    DirListings first = DirListings.none();
    scan(first);
    List<String> lines = written(first, Long.MAX_VALUE);
    assertThat(lines.get(0)).startsWith("-1\t" + root + "\t").endsWith("\ta/empty");
    assertThat(lines.get(1)).startsWith("0\ta\t").endsWith("\tb/g");
    assertThat(lines.get(2)).startsWith("1\tb\t").endsWith("\tf.spec");
    assertThat(lines.get(3)).startsWith("0\tempty\t").endsWith("\t");
  }

  @Test
  void aFileAddedSinceTheListingMovesTheDirectorysStampAndIsSeen() throws Exception {
    tree();
    DirListings first = DirListings.none();
    scan(first);
    List<String> lines = written(first, Long.MAX_VALUE);
    Thread.sleep(20); // past the file-system clock tick of the listing
    Files.writeString(root.resolve("a/b/new.patch"), "z");
    DirListings fresh = DirListings.none();
    assertThat(scan(DirListings.parse(lines))).isEqualTo(scan(fresh));
    assertThat(written(fresh, Long.MAX_VALUE)).anySatisfy(l -> assertThat(l).startsWith("1\tb\t").endsWith("\tf.spec/new.patch"));
  }

  @Test
  void aDirectoryChangedAtOrAfterTheCutOffIsLeftOut() throws Exception {
    tree();
    DirListings first = DirListings.none();
    scan(first);
    assertThat(written(first, 0)).isEmpty();
  }

  @Test
  void aDirectoryKeptUnderOneLeftOutIsWrittenWithItsWholePathAndTrusted() throws Exception {
    tree();
    Thread.sleep(20);
    long cutOff = System.currentTimeMillis() * 1_000_000;
    Thread.sleep(20);
    Files.writeString(root.resolve("a/new.patch"), "z"); // a changes after the cut-off, a/b does not
    DirListings first = DirListings.none();
    String digest = scan(first);
    List<String> lines = written(first, cutOff);
    assertThat(lines).noneMatch(l -> l.contains("\ta\t")).anySatisfy(l -> assertThat(l).startsWith("-1\t" + root.resolve("a/b") + "\t"));

    // a/b's listing, forged, is what the next scan uses: it reaches a/b through a, which has none
    List<String> forged = lines.stream().map(l -> l.startsWith("-1\t" + root.resolve("a/b")) ? l + "/ghost" : l).toList();
    assertThat(scan(DirListings.parse(lines))).isEqualTo(digest);
    assertThat(scan(DirListings.parse(forged))).isNotEqualTo(digest);
  }

  @Test
  void eachOfManySubdirectoriesIsFoundByItsName() throws Exception {
    List<String> names = List.of("a", "a-b", "a.b", "a b", "ab", "aB", "B", "b", "z", "\u00e9t\u00e9", "\u65e5", "a0", "a00", "_x");
    for (String n : names) {
      Files.createDirectories(root.resolve(n));
      Files.writeString(root.resolve(n).resolve("f"), n);
    }
    DirListings first = DirListings.none();
    String digest = scan(first);
    List<String> lines = written(first, Long.MAX_VALUE);
    assertThat(scan(DirListings.parse(lines))).isEqualTo(digest);

    for (String n : names) {
      // a forged listing of this one subdirectory changes the digest only if the scan finds it
      List<String> forged = lines.stream().map(l -> l.startsWith("0\t" + n + "\t") ? l + "/ghost" : l).toList();
      assertThat(forged).as(n).isNotEqualTo(lines);
      assertThat(scan(DirListings.parse(forged))).as(n).isNotEqualTo(digest);
    }
  }

  @Test
  void aSubdirectoryLineForANameItsParentDoesNotListIsPassedOver() throws Exception {
    tree();
    DirListings first = DirListings.none();
    String digest = scan(first);
    List<String> lines = new java.util.ArrayList<>(written(first, Long.MAX_VALUE));
    assertThat(lines.get(3)).startsWith("0\tempty\t");
    lines.add(3, "0\taa\t1\t2\tx"); // between a and empty, which the root lists; aa it does not

    assertThat(scan(DirListings.parse(lines))).isEqualTo(digest);
    // empty's listing, after the stray line, is still the one the scan uses
    lines.set(4, lines.get(4) + "ghost");
    assertThat(scan(DirListings.parse(lines))).isNotEqualTo(digest);
  }

  @Test
  void aCheckOnlyScanKeepsNoListings() throws Exception {
    tree();
    DirListings first = DirListings.none();
    String digest = scan(first);
    DirListings known = DirListings.parse(written(first, Long.MAX_VALUE));

    assertThat(scan(known.readOnly())).isEqualTo(digest);
    assertThat(written(known, Long.MAX_VALUE)).isEmpty();
    assertThatThrownBy(() -> written(known.readOnly(), Long.MAX_VALUE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aNameWithALineBreakOrTabLeavesItsDirectoryOut() throws Exception {
    tree();
    Files.writeString(root.resolve("a/b/odd\tname"), "x");
    DirListings first = DirListings.none();
    String digest = scan(first);
    List<String> lines = written(first, Long.MAX_VALUE);
    assertThat(lines).hasSize(3).noneMatch(l -> l.startsWith("1\tb\t"));
    assertThat(scan(DirListings.parse(lines))).isEqualTo(digest);
  }

  @Test
  void aDamagedLineIsRefused() {
    assertThatThrownBy(() -> DirListings.parse(List.of("-1\t/x\t1\t2"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DirListings.parse(List.of("0\tx\t1\t2\t"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DirListings.parse(List.of("-1\t/x\tino\t2\t"))).isInstanceOf(IllegalArgumentException.class);
  }
}
