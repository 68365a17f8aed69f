package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Downstream changes added on top of the upstream history, as azldev's synthetic commits are. */
class DownstreamCommitsTest {
  private static final DownstreamCommit BRANDING =
      new DownstreamCommit("Apply downstream branding\n", "Ann Downstream", "ann@example.com", Instant.parse("2025-03-04T05:06:07Z"));
  private static final DownstreamCommit TESTS =
      new DownstreamCommit("Disable flaky tests", "Bob Downstream", "bob@example.com", Instant.parse("2025-04-01T00:00:00Z"));

  private static TestHistory upstream() throws Exception {
    TestHistory h = new TestHistory().spec("1.0");
    h.commit("Initial import");
    h.commit("Rebuild");
    return h;
  }

  @Test
  void eachDownstreamChangeBumpsTheReleaseAndAddsAnEntry() throws Exception {
    TestHistory h = upstream();
    AutospecInput input = AutospecInput.of(h.facts(), h.currentSpec()).withDownstream(List.of(BRANDING, TESTS), null);
    AutospecResult r = new Autospec().compute(input);
    assertThat(r.releaseNumber()).isEqualTo(4);
    assertThat(r.changelogText())
        .startsWith(
            "* Tue Apr 01 2025 Bob Downstream <bob@example.com> - 1.0-4\n- Disable flaky tests\n\n"
                + "* Tue Mar 04 2025 Ann Downstream <ann@example.com> - 1.0-3\n- Apply downstream branding\n\n"
                + "* Wed Jan 03 2024 Jane Packager");
  }

  @Test
  void aDownstreamVersionChangeResetsTheRelease() throws Exception {
    TestHistory h = upstream();
    String updated = TestHistory.specText("1.1", "%autorelease");
    AutospecInput input = new AutospecInput(h.facts(), List.of(BRANDING), updated, null, IncludeResolver.none());
    AutospecResult r = new Autospec().compute(input);
    assertThat(r.release()).isEqualTo("1");
    assertThat(r.epochVersion()).isEqualTo("1.1");
  }

  @Test
  void aDownstreamChangeOfTheChangelogFileReplacesTheEntriesWithTheFile() throws Exception {
    TestHistory h = upstream();
    byte[] file = "* Sat Mar 01 2025 Ann <ann@example.com> - 1.0-3\n- By hand\n".getBytes(StandardCharsets.UTF_8);
    AutospecInput input = AutospecInput.of(h.facts(), h.currentSpec()).withDownstream(List.of(BRANDING), file);
    AutospecResult r = new Autospec().compute(input);
    assertThat(r.releaseNumber()).isEqualTo(3);
    assertThat(r.changelog()).containsExactly(new ChangelogEntry.FileText(new String(file, StandardCharsets.UTF_8)));
  }

  @Test
  void withoutUpstreamHistoryTheDownstreamChangesAreTheWholeHistory() throws Exception {
    HistoryFacts none = new HistoryFacts(HistoryFacts.FORMAT, "pkg.spec", "", true, List.of());
    AutospecInput input = new AutospecInput(none, List.of(BRANDING, TESTS), TestHistory.specText("2.0", "%autorelease"), null, IncludeResolver.none());
    AutospecResult r = new Autospec().compute(input);
    assertThat(r.release()).isEqualTo("2");
    assertThat(r.changelog()).hasSize(2);
  }

  @Test
  void noHistoryAtAllIsAnError() {
    HistoryFacts none = new HistoryFacts(HistoryFacts.FORMAT, "pkg.spec", "", true, List.of());
    assertThatThrownBy(() -> new Autospec().compute(AutospecInput.of(none, TestHistory.specText("1", "%autorelease"))))
        .isInstanceOf(IncompleteHistoryException.class)
        .hasMessageContaining("no history");
  }
}
