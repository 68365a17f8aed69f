package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** History facts survive being stored as text, and bad text is reported clearly. */
class HistoryFactsJsonTest {

  private static HistoryFacts sample() throws Exception {
    TestHistory h = new TestHistory().spec("1.0", "Epoch: 2");
    h.commit("Initial import");
    h.file("changelog", "old entries\n").commit("Convert");
    h.file(TestHistory.SPEC, TestHistory.specText("1.0", "%autorelease -p -e rc1 -b 3", "Epoch: 2")).commit("Flags\n\nwith body");
    return h.facts();
  }

  @Test
  void writingThenReadingGivesTheSameFacts() throws Exception {
    HistoryFacts facts = sample();
    assertThat(HistoryFactsJson.read(HistoryFactsJson.write(facts))).isEqualTo(facts);
  }

  @Test
  void theTextIsStable() throws Exception {
    assertThat(HistoryFactsJson.write(sample())).isEqualTo(HistoryFactsJson.write(sample()));
    assertThat(HistoryFactsJson.write(sample())).contains("\"committed\" : \"2024-01-04T12:00:00Z\"").contains("\"base\" : 3");
  }

  @Test
  void aMissingFieldIsNamed() {
    assertThatThrownBy(() -> HistoryFactsJson.read("{\"format\":1,\"spec\":\"x.spec\",\"head\":\"a\",\"commits\":[{\"id\":\"a\",\"parents\":[]}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commits[0].tree is missing");
  }

  @Test
  void anotherFormatVersionIsRefused() {
    assertThatThrownBy(() -> HistoryFactsJson.read("{\"format\":99}")).hasMessageContaining("format 99");
  }
}
