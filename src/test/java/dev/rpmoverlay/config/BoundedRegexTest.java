package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedRegexTest {

  @Test
  void nestedCountedRepetitionsOverAThousandAreAnInvalidRepeatCountAsInGo() {
    assertThatThrownBy(() -> BoundedRegex.compile("(?:(?:a{0,1000}){0,1000})b"))
        .isInstanceOf(BoundedRegex.InvalidRegexException.class)
        .hasMessage("invalid regex \"(?:(?:a{0,1000}){0,1000})b\": invalid repeat count: nested repetitions repeat an expression"
            + " 1000000 times (at most 1000)");
  }

  @Test
  void nestedCountedRepetitionsWithinAThousandCompile() {
    assertThat(BoundedRegex.compile("(?:(?:a{0,10}){0,10}){0,10}b").matcher("aaab").find()).isTrue();
  }

  @Test
  void groupsNestedMoreThanAHundredDeepAreRefused() {
    String deep = "(".repeat(150) + "a" + ")".repeat(150);
    assertThatThrownBy(() -> BoundedRegex.compile(deep)).hasMessageContaining("nested more than 100 deep");
  }

  @Test
  void aRegexLongerThanAThousandCharactersIsRefusedWithItsLength() {
    String longRun = "a*".repeat(5_000);
    assertThatThrownBy(() -> BoundedRegex.compile(longRun))
        .hasMessageStartingWith("invalid regex \"a*a*")
        .hasMessageContaining("(10000 characters)\": longer than 1000 characters (10000)");
  }

  @Test
  void aRegexThatWouldCompileToTooManyInstructionsIsRefused() {
    String big = "[ab]{1000}".repeat(21);
    assertThatThrownBy(() -> BoundedRegex.compile(big)).hasMessageContaining("expression too large");
  }

  @Test
  void braceThatIsNoRepetitionStaysALiteralAsInRe2() {
    assertThat(BoundedRegex.compile("cp -a %{SOURCE1} .").matcher("cp -a %{SOURCE1} .").find()).isTrue();
  }

  @Test
  void syntaxErrorsCarryRe2sDescription() {
    assertThatThrownBy(() -> BoundedRegex.compile("foo(?=bar)"))
        .hasMessage("invalid regex \"foo(?=bar)\": invalid or unsupported Perl syntax");
  }

  /** The largest shapes the bounds let through compile on a small thread stack (render's workers). */
  @Test
  void everyShapeWithinTheBoundsCompilesOnASmallStack() throws Exception {
    List<String> shapes = List.of(
        "(".repeat(95) + "a" + ")".repeat(95),
        "(?:".repeat(60) + "a" + ")".repeat(60),
        "a*".repeat(500),
        "[a]".repeat(333),
        "(?:a{0,10}){0,100}",
        "(?:[a-z]{0,30}){0,33}",
        "a|".repeat(499) + "b",
        "\\pL{0,1000}",
        "(".repeat(95) + "a{0,1000}" + ")".repeat(95));
    List<String> failures = new ArrayList<>();
    for (String shape : shapes) {
      Thread t = new Thread(null, () -> {
        try {
          BoundedRegex.compile(shape).matcher("a".repeat(10_000)).find();
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(shape.substring(0, Math.min(30, shape.length())) + ": " + e);
          }
        }
      }, "small-stack", 256 * 1024);
      t.start();
      t.join(10_000);
      assertThat(t.isAlive()).as("%s still compiling after 10 s", shape).isFalse();
    }
    assertThat(failures).isEmpty();
  }
}
