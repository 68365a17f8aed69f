package dev.rpmoverlay.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Changelog dates are rpmautospec's C-locale {@code %a %b %d %Y} in UTC, whatever the JVM's locale. */
class ChangelogDateTest {
  static final DateTimeFormatter C_LOCALE = DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @Test
  void aDateIsWeekdayMonthTwoDigitDayAndYear() {
    assertThat(ChangelogEntry.Format.date(Instant.parse("2026-01-01T23:59:59Z"))).isEqualTo("Thu Jan 01 2026");
    assertThat(ChangelogEntry.Format.date(Instant.parse("2025-09-09T00:00:00Z"))).isEqualTo("Tue Sep 09 2025");
  }

  @Test
  void everyDayFromYearOneToBeyond9999IsWhatTheEnglishFormatterGives() {
    Random random = new Random(17);
    long min = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant t = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)));
      assertThat(ChangelogEntry.Format.date(t)).as("%s", t).isEqualTo(C_LOCALE.format(t));
    }
    for (String edge : new String[] {"0001-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z", "0000-06-01T00:00:00Z"}) {
      Instant t = Instant.parse(edge);
      assertThat(ChangelogEntry.Format.date(t)).as(edge).isEqualTo(C_LOCALE.format(t));
    }
  }
}
