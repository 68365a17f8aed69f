package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON read into plain values converts like Jackson's tree nodes did, so history.json reads the same. */
class JsonValuesTest {

  @Test
  void objectsKeepTheirKeysAndNullIsNull() throws IOException {
    assertThat(read("{\"a\": [1, \"x\", true, null], \"b\": {}}"))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1, "x", true, null), "b", Map.of()));
  }

  @Test
  void aLaterDuplicateKeyWins() throws IOException {
    assertThat(read("{\"a\": 1, \"a\": 2}")).isEqualTo(Map.of("a", 2));
  }

  @Test
  void textOfScalarsIsTheirJsonText() {
    assertThat(JsonValues.asText(7)).isEqualTo("7");
    assertThat(JsonValues.asText(true)).isEqualTo("true");
    assertThat(JsonValues.asText(List.of())).isEmpty();
  }

  @Test
  void intsComeFromNumbersNumericTextAndBooleans() {
    assertThat(JsonValues.asInt(1)).isEqualTo(1);
    assertThat(JsonValues.asInt(" 3 ")).isEqualTo(3);
    assertThat(JsonValues.asInt(true)).isEqualTo(1);
    assertThat(JsonValues.asInt("three")).isZero();
  }

  @Test
  void booleansComeFromBooleansNumbersAndTheirText() {
    assertThat(JsonValues.asBoolean("true", false)).isTrue();
    assertThat(JsonValues.asBoolean(0, true)).isFalse();
    assertThat(JsonValues.asBoolean("yes", true)).isTrue();
    assertThat(JsonValues.asBoolean(null, false)).isFalse();
  }

  @Test
  void onlyAListHasElements() {
    assertThat(JsonValues.elements(List.of("a"))).isEqualTo(List.of("a"));
    assertThat(JsonValues.elements("a")).isEmpty();
  }

  private static Object read(String json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      return JsonValues.read(parser, parser.nextToken());
    }
  }
}
