package dev.rpmoverlay.config.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Review metadata of an overlay (azldev HEAD schema): documentation only, never affects output.
 *
 * @param expires rpmoverlay's addition: the date after which a temporary overlay needs a decision
 *     (metadata key {@code expires = "YYYY-MM-DD"}); {@code lint} reports it once it has passed
 */
public record OverlayMetadata(String category, String upstreamStatus, List<String> commits, List<String> bugs, Optional<LocalDate> expires) {
  public OverlayMetadata {
    commits = List.copyOf(commits);
    bugs = List.copyOf(bugs);
  }

  public OverlayMetadata(String category, String upstreamStatus, List<String> commits, List<String> bugs) {
    this(category, upstreamStatus, commits, bugs, Optional.empty());
  }
}
