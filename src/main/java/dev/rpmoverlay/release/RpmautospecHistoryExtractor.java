package dev.rpmoverlay.release;

import dev.rpmoverlay.upstream.HistoryFactsExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Stores rpmautospec's {@link HistoryFacts} in an upstream cache entry as {@value #FILE_NAME}
 * ({@link HistoryFactsJson}), so render can compute {@code %autorelease}/{@code %autochangelog}
 * without the git history.
 */
public final class RpmautospecHistoryExtractor implements HistoryFactsExtractor {
  public static final String FILE_NAME = "history.json";

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public byte[] extract(Repository repo, RevCommit commit, String specFileName) throws IOException {
    try {
      return HistoryFactsJson.write(HistoryReader.readForSpec(repo, commit, specFileName)).getBytes(StandardCharsets.UTF_8);
    } catch (IncompleteHistoryException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Reads facts stored by {@link #extract}; a damaged file is reported with its problem. */
  public static HistoryFacts parse(byte[] stored) {
    return HistoryFactsJson.read(new String(stored, StandardCharsets.UTF_8));
  }
}
