package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The TOML parser's warm-up text is valid TOML 1.0, so the warm-up runs to its end. */
class TomlWarmUpTest {
  @Test
  void theWarmUpTextParsesWithoutErrors() {
    assertThat(TomlWarmUp.textParses()).isTrue();
  }
}
