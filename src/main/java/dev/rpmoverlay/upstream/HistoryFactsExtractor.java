package dev.rpmoverlay.upstream;

import java.io.IOException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Extracts what release/changelog computation needs from the upstream git history, so render can
 * compute {@code %autorelease} and {@code %autochangelog} from the cache alone. The release package
 * supplies the implementation; fetch stores its output next to the files of the cache entry.
 */
public interface HistoryFactsExtractor {

  /** The file name the facts are stored under inside the cache entry (for example {@code history.json}). */
  String fileName();

  /**
   * The serialized facts for {@code commit} of {@code repo} (a bare mirror with the branch's full
   * history).
   *
   * @param specFileName the spec's file name in the upstream tree ({@code <upstream-name>.spec})
   */
  byte[] extract(Repository repo, RevCommit commit, String specFileName) throws IOException;
}
