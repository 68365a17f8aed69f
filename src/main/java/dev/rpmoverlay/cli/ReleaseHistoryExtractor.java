package dev.rpmoverlay.cli;

import dev.rpmoverlay.release.HistoryFactsJson;
import dev.rpmoverlay.release.HistoryReader;
import dev.rpmoverlay.release.IncompleteHistoryException;
import dev.rpmoverlay.upstream.HistoryFactsExtractor;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Connects fetch to the release package: each cache entry gets {@code history.json}, the history
 * facts {@link HistoryReader} reads from the mirror (only the commits rpmautospec's walk needs),
 * serialized by {@link HistoryFactsJson}. Render computes {@code %autorelease} and
 * {@code %autochangelog} from that file without git.
 */
final class ReleaseHistoryExtractor implements HistoryFactsExtractor {

  static final String FILE_NAME = "history.json";

  static Optional<HistoryFactsExtractor> extractor() {
    return Optional.of(new ReleaseHistoryExtractor());
  }

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public byte[] extract(Repository repo, RevCommit commit, String specFileName) throws IOException {
    try {
      return HistoryFactsJson.write(HistoryReader.read(repo, commit, specFileName)).getBytes(StandardCharsets.UTF_8);
    } catch (IncompleteHistoryException e) {
      throw new UpstreamException("the mirror's history is incomplete: " + e.getMessage(), e);
    }
  }
}
