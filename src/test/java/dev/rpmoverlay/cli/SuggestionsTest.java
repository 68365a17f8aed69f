package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void swappedNeighboursAreOneEdit() {
    assertThat(Suggestions.distance("ngnix", "nginx")).isEqualTo(1);
  }

  @Test
  void closestNamesComeFirstThenByName() {
    assertThat(Suggestions.closest("vin", List.of("vim", "tcl", "bin", "vi"))).containsExactly("bin", "vi", "vim");
  }

  @Test
  void distantNamesAreNotSuggested() {
    assertThat(Suggestions.closest("kernel", List.of("nginx", "sudo"))).isEmpty();
  }

  @Test
  void hintIsLeftOutWhenNothingIsClose() {
    assertThat(Suggestions.withHint("no component named 'zzz'", "zzz", List.of("nginx"))).isEqualTo("no component named 'zzz'");
  }
}
