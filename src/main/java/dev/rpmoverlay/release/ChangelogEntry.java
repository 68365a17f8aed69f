package dev.rpmoverlay.release;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a generated changelog: either an entry made from a commit, or the verbatim text of
 * the {@code changelog} file where the generated part ends.
 */
sealed interface ChangelogEntry {

  /** The entry as rpmautospec prints it, without a trailing newline (file text is verbatim). */
  String format();

  /**
   * An entry for a commit.
   *
   * @param error when non-null, the entry's only item is {@code RPMAUTOSPEC: <error>}
   */
  record FromCommit(
      Instant committed, String authorName, String authorEmail, String message, String epochVersion, String release, String error)
      implements ChangelogEntry {
    @Override
    public String format() {
      StringBuilder sb = new StringBuilder("* ");
      sb.append(Format.date(committed)).append(' ').append(authorName).append(" <").append(authorEmail).append('>');
      if (epochVersion != null && !epochVersion.isEmpty()) {
        sb.append(" - ").append(epochVersion);
        if (release != null && !release.isEmpty()) {
          sb.append('-').append(release);
        }
      }
      List<String> items = error != null ? List.of("RPMAUTOSPEC: " + error) : ChangelogItems.of(message);
      List<String> bullets = new ArrayList<>(items.size());
      for (String item : items) {
        bullets.add(Format.WRAPPER.fill("- " + item));
      }
      return sb.append('\n').append(String.join("\n", bullets)).toString();
    }
  }

  /** The content of the {@code changelog} file, copied as it is. */
  record FileText(String text) implements ChangelogEntry {
    @Override
    public String format() {
      return text;
    }
  }

  /** How rpmautospec formats entries: C-locale dates in UTC, bullets wrapped at 75 columns. */
  final class Format {
    static final TextWrapper WRAPPER = new TextWrapper(75, "  ");
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private Format() {}

    /**
     * {@code EEE MMM dd yyyy} in English, in UTC ({@code Thu Jan 01 2026}). Spelled out for years 1 to
     * 9999: a {@link DateTimeFormatter} with a locale loads the JDK's CLDR locale data on first
     * use, 20-30 ms of every one-component render; other years (era and sign rules) use one.
     */
    static String date(Instant instant) {
      java.time.LocalDate d = instant.atOffset(ZoneOffset.UTC).toLocalDate();
      if (d.getYear() < 1 || d.getYear() > 9999) {
        return DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(instant);
      }
      StringBuilder sb = new StringBuilder(15).append(DAYS[d.getDayOfWeek().ordinal()]).append(' ')
          .append(MONTHS[d.getMonthValue() - 1]).append(' ');
      if (d.getDayOfMonth() < 10) {
        sb.append('0');
      }
      sb.append(d.getDayOfMonth()).append(' ');
      String year = Integer.toString(d.getYear());
      return sb.append("0".repeat(4 - year.length())).append(year).toString();
    }
  }
}
