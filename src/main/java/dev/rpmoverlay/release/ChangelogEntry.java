package dev.rpmoverlay.release;

import java.time.Instant;
import java.time.LocalDate;
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
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    static final TextWrapper WRAPPER = new TextWrapper(75, "  ");
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private Format() {}

    /**
     * {@link #DATE}'s text, written out by hand for four-digit years: the formatter's first use
     * loads the JDK's locale data for the English day and month names, a fifth of a 20-commit
     * {@code autospec process} (JFR). Other years take the formatter itself.
     */
    static String date(Instant instant) {
      LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
      if (day.getYear() < 1000 || day.getYear() > 9999) {
        return DATE.format(instant);
      }
      int dayOfMonth = day.getDayOfMonth();
      return DAYS[day.getDayOfWeek().ordinal()] + ' ' + MONTHS[day.getMonthValue() - 1] + ' '
          + (dayOfMonth < 10 ? "0" : "") + dayOfMonth + ' ' + day.getYear();
    }
  }
}
