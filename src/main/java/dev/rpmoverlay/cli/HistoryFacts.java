package dev.rpmoverlay.cli;

import dev.rpmoverlay.release.RpmautospecHistoryExtractor;
import dev.rpmoverlay.upstream.HistoryFactsExtractor;
import java.util.Optional;

/** Chooses the history-facts extractor fetch stores into each cache entry: rpmautospec's. */
final class HistoryFacts {
  private HistoryFacts() {}

  static Optional<HistoryFactsExtractor> extractor() {
    return Optional.of(new RpmautospecHistoryExtractor());
  }
}
