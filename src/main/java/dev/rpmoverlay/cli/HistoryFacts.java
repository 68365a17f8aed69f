package dev.rpmoverlay.cli;

import dev.rpmoverlay.upstream.HistoryFactsExtractor;
import java.util.Optional;

/**
 * Chooses the history-facts extractor fetch stores into each cache entry.
 *
 * <p>TODO(release): return the release package's extractor (HistoryReader + HistoryFactsJson) once
 * it is on main; until then entries carry no history file.
 */
final class HistoryFacts {
  private HistoryFacts() {}

  static Optional<HistoryFactsExtractor> extractor() {
    return Optional.empty();
  }
}
