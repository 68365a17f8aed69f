package dev.rpmoverlay.release;

import java.util.List;
import java.util.Objects;

/**
 * Everything rpmautospec's {@code %autorelease} / {@code %autochangelog} computation needs from
 * a package's git history, captured once with {@link HistoryReader} and stored (for example in
 * the upstream cache) so that {@link Autospec} can compute the release and changelog later
 * without the repository.
 *
 * @param format version of this record's shape; {@value #FORMAT}
 * @param specFile path of the spec inside the repository, e.g. {@code bash.spec}
 * @param head id of the commit the facts were read from
 * @param changelog whether the facts reach as far as the changelog needs; false when they were
 *     captured for the release number only (the spec has a hand-written {@code %changelog}),
 *     which keeps them small for long histories
 * @param commits the walked commits and their boundary parents, children before parents (the
 *     head first)
 */
public record HistoryFacts(int format, String specFile, String head, boolean changelog, List<CommitFact> commits) {
  public static final int FORMAT = 1;

  public HistoryFacts {
    Objects.requireNonNull(specFile, "specFile");
    Objects.requireNonNull(head, "head");
    commits = List.copyOf(commits);
  }
}
