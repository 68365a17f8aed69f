package dev.rpmoverlay.release;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of the downstream project, added on top of the upstream history the way azldev's
 * synthetic commits are: it counts as one more commit for {@code %autorelease} and gives a
 * changelog entry with its message, author and date.
 *
 * @param message commit message (subject, optionally a blank line and a body with {@code -}
 *     bullets, as for any dist-git commit)
 * @param authorName author shown in the changelog entry
 * @param authorEmail email shown in the changelog entry
 * @param date when the change was made (the entry's date, in UTC)
 */
public record DownstreamCommit(String message, String authorName, String authorEmail, Instant date) {
  public DownstreamCommit {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(authorEmail, "authorEmail");
    Objects.requireNonNull(date, "date");
  }

  // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
  @Override
  public boolean equals(Object o) {
    return o instanceof DownstreamCommit c && Objects.equals(message, c.message) && Objects.equals(authorName, c.authorName)
        && Objects.equals(authorEmail, c.authorEmail) && Objects.equals(date, c.date);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, authorName, authorEmail, date);
  }
}
