package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoublestarGlobTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*.toml            | a.toml            | true",
        "*.toml            | .hidden.toml      | true",
        "*.toml            | sub/a.toml        | false",
        "a?c               | abc               | true",
        "a?c               | a/c               | false",
        "a?c               | abbc              | false",
        "[abc].txt         | b.txt             | true",
        "[abc].txt         | d.txt             | false",
        "[a-c].txt         | c.txt             | true",
        "[!a-c].txt        | d.txt             | true",
        "[^a-c].txt        | a.txt             | false",
        "x[!a]y            | x/y               | false",
        "{foo,bar}.spec    | bar.spec          | true",
        "{foo,bar}.spec    | baz.spec          | false",
        "{a,b{c,d}}x       | bdx               | true",
        "{a/*,b}.patch     | a/q.patch         | true",
        "**/*.comp.toml    | x.comp.toml       | true",
        "**/*.comp.toml    | a/b/c/x.comp.toml | true",
        "**/*.comp.toml    | a/b/c/x.toml      | false",
        "a/**/b            | a/b               | true",
        "a/**/b            | a/x/y/b           | true",
        "a/**/b            | ab                | false",
        "a/**              | a                 | true",
        "a/**              | a/x/y             | true",
        "**                | any/thing/at/all  | true",
        "a**b              | axxb              | true",
        "a**b              | ax/xb             | false",
        "**/a39d.patch     | https://src.example/a39d.patch | true",
        "\\*.txt           | *.txt             | true",
        "\\*.txt           | a.txt             | false",
        "a\\[b]            | a[b]              | true",
        "run-vmblock\\x2dfuse.mount | run-vmblock\\x2dfuse.mount | true",
        "(a+).txt          | (a+).txt          | true",
        "(a+).txt          | aa.txt            | false",
        "a[+-0]b           | a0b               | true",
        "a[+-0]b           | a/b               | false",
        "a[/]b             | a/b               | false",
        "café*.txt         | café-1.txt        | true",
        "[é-ü].txt         | ö.txt             | true",
      })
  void matchesLikeDoublestar(String pattern, String path, boolean expected) {
    assertThat(DoublestarGlob.compile(pattern).matches(path)).isEqualTo(expected);
  }

  /** A backtracking engine took 35 s CPU on this (issue 18 item 9); RE2 is linear in the path. */
  @Test
  void manyStarsAgainstANearMissTakeLinearTime() {
    DoublestarGlob glob = DoublestarGlob.compile("*a*a*a*a*a*a*a*a*a*a*a*b");
    String name = "a".repeat(34);
    long t0 = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      assertThat(glob.matches(name + i)).isFalse();
    }
    assertThat(glob.matches(name + "b")).isTrue();
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for 101 matches").isLessThan(2_000);
  }

  @Test
  void bracesNestedMoreThanAHundredDeepAreInvalid() {
    String deep = "{".repeat(101) + "a" + "}".repeat(101);
    assertThatThrownBy(() -> DoublestarGlob.compile(deep)).hasMessageContaining("braces nested more than 100 deep");
  }

  @Test
  void aPatternLongerThanPathMaxIsInvalid() {
    assertThatThrownBy(() -> DoublestarGlob.compile("a".repeat(5000))).hasMessageContaining("longer than 4096 characters (5000)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[abc         | unclosed '['",
        "{a,b         | unclosed '{'",
        "a\\          | unescaped backslash",
        "[]           | unclosed '['",
        "[z-a]        | reversed",
      })
  void rejectsMalformedPatterns(String pattern, String problem) {
    assertThat(DoublestarGlob.isValid(pattern)).isFalse();
    assertThatThrownBy(() -> DoublestarGlob.compile(pattern))
        .isInstanceOf(DoublestarGlob.InvalidGlobException.class)
        .hasMessageContaining(pattern)
        .hasMessageContaining(problem);
  }

  @Test
  void metaDetectionIgnoresEscapedCharacters() {
    assertThat(DoublestarGlob.hasMeta("a/b.toml")).isFalse();
    assertThat(DoublestarGlob.hasMeta("a/\\*.toml")).isFalse();
    assertThat(DoublestarGlob.hasMeta("{a,b}.toml")).isTrue();
    assertThat(DoublestarGlob.hasWildcard("{a,b}.toml")).isFalse();
    assertThat(DoublestarGlob.hasWildcard("a[bc]")).isTrue();
  }

  @Test
  void expandListsFilesInDoublestarOrder() throws IOException {
    touch("z.comp.toml", "b/y.comp.toml", "b/a/x.comp.toml", "a.comp.toml", "b/c.comp.toml", "ba/q.comp.toml", "other.toml");
    List<String> found = rel(DoublestarGlob.compile("**/*.comp.toml").expand(dir));
    assertThat(found)
        .containsExactly("a.comp.toml", "z.comp.toml", "b/c.comp.toml", "b/y.comp.toml", "b/a/x.comp.toml", "ba/q.comp.toml");
  }

  @Test
  void expandMatchesFilesOnlyNeverDirectories() throws IOException {
    touch("d.toml/inner.txt", "f.toml");
    assertThat(rel(DoublestarGlob.compile("*.toml").expand(dir))).containsExactly("f.toml");
  }

  @Test
  void expandStartsAtTheLiteralPrefix() throws IOException {
    touch("distro/a.distro.toml", "distro/b.distro.toml", "elsewhere/c.distro.toml");
    assertThat(rel(DoublestarGlob.compile("distro/*.distro.toml").expand(dir)))
        .containsExactly("distro/a.distro.toml", "distro/b.distro.toml");
  }

  @Test
  void expandOfAMissingDirectoryIsEmpty() throws IOException {
    assertThat(DoublestarGlob.compile("nope/*.toml").expand(dir)).isEmpty();
  }

  @Test
  void expandOfALiteralPathIsThatFileOrNothing() throws IOException {
    touch("one.toml");
    assertThat(rel(DoublestarGlob.compile("one.toml").expand(dir))).containsExactly("one.toml");
    assertThat(DoublestarGlob.compile("two.toml").expand(dir)).isEmpty();
  }

  @Test
  void expandAcceptsAnAbsolutePattern() throws IOException {
    touch("abs/x.toml");
    String pattern = dir.resolve("abs").toString() + "/*.toml";
    assertThat(DoublestarGlob.compile(pattern).expand(Path.of("/nonexistent")))
        .containsExactly(dir.resolve("abs/x.toml"));
  }

  @Test
  void expandWithAlternativesAcrossDirectories() throws IOException {
    touch("a/p.patch", "b.patch", "c.patch");
    assertThat(rel(DoublestarGlob.compile("{a/*,b}.patch").expand(dir))).containsExactly("b.patch", "a/p.patch");
  }

  @Test
  void expandDoesNotDescendIntoSymlinkedDirectories() throws IOException {
    touch("real/x.toml");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    assertThat(rel(DoublestarGlob.compile("**/*.toml").expand(dir))).containsExactly("real/x.toml");
  }

  private void touch(String... paths) throws IOException {
    for (String p : paths) {
      Path f = dir.resolve(p);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "");
    }
  }

  private List<String> rel(List<Path> paths) {
    return paths.stream().map(p -> dir.relativize(p).toString()).toList();
  }
}
