package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import dev.rpmoverlay.spec.SpecDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The file filter names Source/Patch files as rpm does. The sample specs in
 * {@code src/test/resources/rpm-sources} come with the names rpm 4.18 printed for them
 * ({@code NAME.spec.rpm-names}, from {@code rpmspec -q --srpm --qf '[%{SOURCE}\n][%{PATCH}\n]'}).
 */
class RpmSourceNamesTest {
  private static final Path SAMPLES = Path.of("src/test/resources/rpm-sources");

  @Test
  void aFragmentThatIsNotSlashNamesTheTextAfterTheLastSlash() throws IOException {
    assertThat(refs("fragment-not-slash.spec").names()).contains("38C1F572B12725BE.asc");
  }

  @Test
  void aPatchTagWithABlankBeforeItsNumberIsAPatch() throws IOException {
    assertThat(refs("patch-space-number.spec").names())
        .contains("0001-remove-local-PATH.patch", "0002-trailing-blank.patch", "unnumbered.patch");
  }

  @Test
  void aMacroHeavyPreambleLeavesPlainSourcesResolved() throws IOException {
    SpecReferences refs = refs("macro-heavy-preamble.spec");

    assertThat(refs.resolved()).isTrue();
    assertThat(refs.names()).contains("mod_perl-2.0.13.tar.gz.asc", "KEYS");
  }

  @Test
  void aQueryValueIsNamedAfterItsLastEquals() throws IOException {
    assertThat(refs("query-and-paths.spec").names()).contains("dl-3.0.tar.gz", "plain.txt");
  }

  @Test
  void aRelativeOrSourcedirPathIsNamedByItsBaseName() throws IOException {
    assertThat(refs("query-and-paths.spec").names()).contains("dl.conf", "dl.sysusers").doesNotContain("conf");
  }

  @Test
  void everyValueOfAConditionallyDefinedMacroIsKept() throws IOException {
    SpecReferences refs = refs("conditional-version.spec");

    assertThat(refs.names()).contains("condver-2.1.tar.gz", "condver-1.9.tar.gz", "condver-1.9rc1.tar.gz");
    assertThat(refs.origins()).containsEntry("condver-1.9.tar.gz", SpecReferences.Origin.MACRO_VALUES);
  }

  @Test
  void aSourceInsideAnArchBranchIsKeptAndSaysSo() throws IOException {
    assertThat(refs("conditional-version.spec").origins())
        .containsEntry("x86-only.patch.txt", SpecReferences.Origin.ARCH_BRANCH);
  }

  @Test
  void aShellExpansionInANameLeavesTheSpecUnresolved() throws IOException {
    assertThat(refs("shell-in-name.spec").resolved()).isFalse();
  }

  @Test
  void patchTagsPrintedByALuaBlockLeaveTheSpecUnresolvedSoEveryFileIsKept() throws IOException {
    assertThat(refs("lua-generated-patches.spec").resolved()).isFalse();
  }

  @Test
  void aSourceTagInsideAConditionalMacroExpansionIsRead() throws IOException {
    assertThat(refs("conditional-macro-source.spec").names()).contains("yast2-devtools-3.1.36.tar.gz");
  }

  @Test
  void aShellExpansionHidingASlashIsNotCutAtThatSlash() {
    assertThat(SpecReferences.rpmSourceName("https://x.org/a-%(echo b/c).tar.gz")).hasValueSatisfying(
        name -> assertThat(SimpleMacroExpander.isResolved(name)).isFalse());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theFilterKeepsEveryNameRpmPrintedForASample(String spec) throws IOException {
    List<String> rpmNames = Files.readAllLines(SAMPLES.resolve(spec + ".rpm-names"), StandardCharsets.UTF_8);

    RpmNameComparison.Result result = RpmNameComparison.compare(document(spec), rpmNames);

    assertThat(result.missing()).isEmpty();
    assertThat(result.kind()).isNotEqualTo(RpmNameComparison.Kind.DROPS);
  }

  static Stream<String> samples() throws IOException {
    try (Stream<Path> list = Files.list(SAMPLES)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".spec")).sorted().toList().stream();
    }
  }

  private static SpecReferences refs(String spec) throws IOException {
    return SpecReferences.of(document(spec), name -> Optional.empty());
  }

  private static SpecDocument document(String spec) throws IOException {
    return SpecDocument.parse(Files.readString(SAMPLES.resolve(spec), StandardCharsets.UTF_8));
  }
}
