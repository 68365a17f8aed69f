package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Facts are captured only as far back as what the spec at the head uses. */
class HistoryReaderScopeTest {
  private static final String STATIC_CHANGELOG =
      "Name: pkg\nVersion: %s\nRelease: %%autorelease\nSummary: s\nLicense: MIT\n\n%%description\nx\n\n%%changelog\n* Mon Jan 01 2024 A <a@example.org> - 1\n- hand-written\n";

  private static TestHistory history(String finalSpec) throws Exception {
    TestHistory h = new TestHistory();
    for (int i = 0; i < 5; i++) {
      h.file(TestHistory.SPEC, String.format(STATIC_CHANGELOG, "1.0")).commit("Old commit " + i);
    }
    h.file(TestHistory.SPEC, String.format(STATIC_CHANGELOG, "2.0")).commit("Update to 2.0");
    h.commit("Rebuild");
    h.file(TestHistory.SPEC, finalSpec).commit("Last change");
    return h;
  }

  @Test
  void aSpecWithItsOwnChangelogNeedsOnlyTheReleaseWalk() throws Exception {
    TestHistory h = history(String.format(STATIC_CHANGELOG, "2.0"));
    HistoryFacts facts = HistoryReader.readForSpec(h.repo, h.head(), TestHistory.SPEC);
    assertThat(facts.changelog()).isFalse();
    assertThat(facts.commits()).hasSize(4);
    AutospecOutcome outcome = new Autospec().run(AutospecInput.of(facts, h.currentSpec()));
    assertThat(outcome.result().release()).isEqualTo("3");
    assertThat(outcome.processedSpec().orElseThrow()).contains("release_number = 3;").contains("- hand-written");
  }

  @Test
  void aSpecThatGeneratesItsChangelogGetsTheWholeWalk() throws Exception {
    TestHistory h = history(TestHistory.specText("2.0", "%autorelease"));
    HistoryFacts facts = HistoryReader.readForSpec(h.repo, h.head(), TestHistory.SPEC);
    assertThat(facts.changelog()).isTrue();
    assertThat(facts.commits()).hasSize(8);
  }

  @Test
  void releaseOnlyFactsRefuseToGenerateAChangelog() throws Exception {
    TestHistory h = history(String.format(STATIC_CHANGELOG, "2.0"));
    HistoryFacts facts = HistoryReader.readForSpec(h.repo, h.head(), TestHistory.SPEC);
    assertThatThrownBy(() -> new Autospec().run(AutospecInput.of(facts, TestHistory.specText("2.0", "%autorelease"))))
        .isInstanceOf(IncompleteHistoryException.class)
        .hasMessageContaining("release number only");
  }
}
