package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.upstream.SourcesFile.Entry;
import dev.rpmoverlay.upstream.SourcesFile.Verbatim;
import org.junit.jupiter.api.Test;

class SourcesFileTest {

  private static final String SHA = "0d8c" + "a".repeat(124);

  @Test
  void parsesTheModernFormat() {
    SourcesFile f = SourcesFile.parse("SHA512 (curl-8.11.1.tar.xz) = " + SHA + "\n", "sources");
    assertThat(f.entries()).containsExactly(
        new Entry("SHA512 (curl-8.11.1.tar.xz) = " + SHA, "SHA512", "curl-8.11.1.tar.xz", SHA, false));
  }

  @Test
  void parsesTheLegacyMd5Format() {
    SourcesFile f = SourcesFile.parse("7b74551e63f8ee6aab6fbc86676c0d37  zip30.tar.gz\n", "sources");
    Entry e = f.entries().get(0);
    assertThat(e.hashType()).isEqualTo("MD5");
    assertThat(e.filename()).isEqualTo("zip30.tar.gz");
    assertThat(e.hash()).isEqualTo("7b74551e63f8ee6aab6fbc86676c0d37");
    assertThat(e.legacy()).isTrue();
  }

  @Test
  void keepsCommentsBlankLinesAndOrderSoAnUnchangedFileRendersIdentically() {
    String text = "# lookaside files\n"
        + "SHA512 (b.tar.gz) = " + SHA + "\n"
        + "\n"
        + "7b74551e63f8ee6aab6fbc86676c0d37  a.tar.gz\n";
    SourcesFile f = SourcesFile.parse(text, "sources");
    assertThat(f.lines()).hasSize(4);
    assertThat(f.lines().get(0)).isEqualTo(new Verbatim("# lookaside files"));
    assertThat(f.entries()).extracting(Entry::filename).containsExactly("b.tar.gz", "a.tar.gz");
    assertThat(f.render()).isEqualTo(text);
  }

  @Test
  void renderAddsTheFinalNewlineAFileWithoutOneLacked() {
    assertThat(SourcesFile.parse("SHA512 (x) = ab", "sources").render()).isEqualTo("SHA512 (x) = ab\n");
  }

  @Test
  void newEntriesUseAzldevsFormat() {
    assertThat(Entry.of("sha512", "kernel-6.18.tar.gz", "abc").text()).isEqualTo("SHA512 (kernel-6.18.tar.gz) = abc");
  }

  @Test
  void findLooksUpAnEntryByFileName() {
    SourcesFile f = SourcesFile.parse("SHA256 (a) = 01\nSHA256 (b) = 02\n", "sources");
    assertThat(f.find("b")).map(Entry::hash).contains("02");
    assertThat(f.find("c")).isEmpty();
  }

  @Test
  void aMalformedLineIsAnErrorNamingFileAndLine() {
    assertThatThrownBy(() -> SourcesFile.parse("# ok\nSHA512 (x) = not-hex\n", "upstream-cache/x/files/sources"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageStartingWith("upstream-cache/x/files/sources:2: not a sources line");
  }

  @Test
  void aFileListedTwiceIsAnError() {
    assertThatThrownBy(() -> SourcesFile.parse("SHA512 (x) = 01\nSHA256 (x) = 02\n", "sources"))
        .isInstanceOf(UpstreamException.class)
        .hasMessage("sources:2: 'x' is listed twice");
  }
}
