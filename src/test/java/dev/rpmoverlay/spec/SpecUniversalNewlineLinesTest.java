package dev.rpmoverlay.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A spec's lines as Python's universal-newline text mode reads them (rpmautospec-core's view). */
class SpecUniversalNewlineLinesTest {

  private static UniversalNewlineLines read(String spec) {
    return UniversalNewlineLines.of(SpecDocument.parse(spec));
  }

  @Test
  void aLoneCarriageReturnEndsALineLikeNewlineAndCrlf() {
    assertThat(read("a\rb\r\nc\nd").lines()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void aCarriageReturnBeforeCrlfEndsAnEmptyLine() {
    assertThat(read("a\r\r\nb\n").lines()).containsExactly("a", "", "b");
  }

  @Test
  void theLastLineIsTerminatedByAnyOfTheLineEnds() {
    assertThat(read("a\nb").lastTerminated()).isFalse();
    assertThat(read("a\nb\r").lastTerminated()).isTrue();
    assertThat(read("a\nb\r").lines()).containsExactly("a", "b");
    assertThat(read("a\n").lastTerminated()).isTrue();
    assertThat(read("").lines()).isEmpty();
  }
}
