package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The changelog's date, "EEE MMM dd yyyy" in the C locale and UTC, as rpmautospec writes it. */
class ChangelogDateTest {
  @Test
  void aCommitDateIsWrittenAsRpmautospecWritesIt() {
    assertThat(ChangelogEntry.Format.date(Instant.parse("2024-01-03T23:59:59Z"))).isEqualTo("Wed Jan 03 2024");
    assertThat(ChangelogEntry.Format.date(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo("Thu Jan 01 1970");
    assertThat(ChangelogEntry.Format.date(Instant.parse("2026-12-31T12:00:00Z"))).isEqualTo("Thu Dec 31 2026");
  }

  @Test
  void everyDayAgreesWithTheLocaleFormatter() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 200_000; i++) {
      // years 1000-9999, and a margin either side where the formatter itself is used
      Instant instant = Instant.ofEpochSecond(random.nextLong(-31_000_000_000L, 254_000_000_000L));
      assertThat(ChangelogEntry.Format.date(instant)).as(instant.toString()).isEqualTo(ChangelogEntry.Format.DATE.format(instant));
    }
  }
}
