package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast reader of lock files rpmoverlay wrote agrees with the TOML parser, and defers to it otherwise. */
class CanonicalLockTextTest {

  static final LockFile LOCK = new LockFile(1, "e1b786391b10a45329c0c5a21cd5b7286dcb5018",
      "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123", 2, "sha256:c071ce4e", "sha256:fb453773", 2);

  @Test
  void writtenLocksAreReadWithoutTheTomlParserAndMeanWhatTheParserReads() {
    for (LockFile lock : List.of(LOCK, new LockFile(1, "", "", 0, "sha256:ab", "", 1), new LockFile(1, "a\"b\\c", "x", 0, "", "", 3))) {
      String text = LockStore.format(lock);
      assertThat(CanonicalLockText.parse(text)).contains(lock);
      String sameMeaning = text.replace("# Managed by rpmoverlay update.", "# edited by hand;");
      assertThat(CanonicalLockText.parse(sameMeaning)).isEmpty();
      assertThat(LockStore.parse(sameMeaning, "test.lock")).isEqualTo(lock);
    }
  }

  @Test
  void otherFormsGoToTheTomlParser() {
    String text = LockStore.format(LOCK);
    for (String variant : List.of(
        text.replace("\n", "\r\n"),
        text.replace("manual-bump = 2", "manual-bump = +2"),
        text.replace("version = 1\n", "version = 1\nmanual-bump = 0\n").replace("manual-bump = 2\n", ""),
        text + "upstream-commit = \"other\"\n",
        text + "extra-key = \"x\"\n",
        text.replace("upstream-commit = ", "upstream-commit  =  "),
        text.stripTrailing())) {
      assertThat(CanonicalLockText.parse(variant)).as(variant).isEmpty();
    }
  }

  @Test
  void anUnsupportedVersionIsStillExplainedByTheFullParser() {
    String text = LockStore.format(LOCK).replace("version = 1", "version = 9");
    assertThat(CanonicalLockText.parse(text)).isEmpty();
    assertThatThrownBy(() -> LockStore.parse(text, "x.lock")).hasMessageContaining("unsupported lock file version 9");
  }
}
