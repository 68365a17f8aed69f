package dev.rpmoverlay.upstream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Who made a downstream change, when (a UTC day) and why: written into the lock by {@code update}
 * whenever the input fingerprint changes, and used by render for the change's {@code %autochangelog}
 * entry. Because it lives in the lock and not in the project commit that later holds the lock,
 * rendering before the commit gives the same bytes as rendering after it (docs/release.md,
 * "Commit-stable rendering"). {@link #NONE} for locks written by azldev or an older rpmoverlay.
 */
public record ChangeNote(String author, String email, String date, String subject) {

  public static final ChangeNote NONE = new ChangeNote("", "", "", "");

  public boolean isPresent() {
    return !subject.isEmpty();
  }

  /** Start of the note's day in UTC (the changelog shows only the day). */
  public Instant instant() {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
