package dev.rpmoverlay.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How two versions of a sidecar or output file are aligned line by line. */
class TextAlignmentTest {
  @Test
  void aFileWhoseEveryLineChangedIsAlignedWithoutAQuadraticDiff() {
    List<String> before = IntStream.range(0, 100_000).mapToObj(i -> "line " + i).toList();
    List<String> after = IntStream.range(0, 100_000).mapToObj(i -> "line " + i + "\r").toList();

    // Myers over the whole files: about 10^10 steps for these two
    EditScript script = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TextAlignment.align(before, after, null));

    assertThat(script.ops()).hasSize(200_000);
    assertThat(script.ops().subList(0, 100_000)).allMatch(op -> op.kind() == EditScript.Kind.REMOVE);
    assertThat(script.ops().subList(100_000, 200_000)).allMatch(op -> op.kind() == EditScript.Kind.ADD);
  }

  @Test
  void settingAsideLinesWithoutACounterpartKeepsAsManyLinesAsMyersOverTheWholeFiles() {
    Random random = new Random(17);
    for (int round = 0; round < 2_000; round++) {
      List<String> a = randomLines(random, round);
      List<String> b = randomLines(random, round);

      EditScript whole = TextAlignment.align(a, b, null, Long.MAX_VALUE);
      EditScript reduced = TextAlignment.align(a, b, null, 0);

      assertThat(rebuilt(reduced)).as("round %d", round).isEqualTo(List.of(a, b));
      assertThat(kept(reduced)).as("round %d: %s -> %s", round, a, b).isEqualTo(kept(whole));
    }
  }

  @Test
  void smallFilesAreAlignedAsBefore() {
    List<String> a = List.of("a", "b", "c", "d");
    List<String> b = List.of("a", "x", "c", "d", "e");

    assertThat(TextAlignment.align(a, b, null).ops()).extracting(EditScript.Op::kind).containsExactly(
        EditScript.Kind.KEEP, EditScript.Kind.REMOVE, EditScript.Kind.ADD, EditScript.Kind.KEEP, EditScript.Kind.KEEP, EditScript.Kind.ADD);
  }

  /** Up to 12 lines over a small alphabet, with some lines unique to this side. */
  private static List<String> randomLines(Random random, int round) {
    List<String> lines = new ArrayList<>();
    int n = random.nextInt(13);
    for (int i = 0; i < n; i++) {
      lines.add(random.nextInt(4) == 0 ? "unique " + round + " " + random.nextLong() : String.valueOf((char) ('a' + random.nextInt(5))));
    }
    return lines;
  }

  private static long kept(EditScript script) {
    return script.ops().stream().filter(op -> op.kind() == EditScript.Kind.KEEP).count();
  }

  /** Both sides read back from the script: it visits every line of each, in order. */
  private static List<List<String>> rebuilt(EditScript script) {
    List<String> up = new ArrayList<>();
    List<String> re = new ArrayList<>();
    for (EditScript.Op op : script.ops()) {
      if (op.kind() != EditScript.Kind.ADD) {
        up.add(script.upstream().get(op.upstreamIndex()));
      }
      if (op.kind() != EditScript.Kind.REMOVE) {
        re.add(script.rendered().get(op.renderedIndex()));
      }
      if (op.kind() == EditScript.Kind.KEEP) {
        assertThat(script.upstream().get(op.upstreamIndex())).isEqualTo(script.rendered().get(op.renderedIndex()));
      }
    }
    return List.of(up, re);
  }
}
