package dev.rpmoverlay.sources;

import dev.rpmoverlay.upstream.LookasideDownloader;
import dev.rpmoverlay.upstream.RetryPolicy;
import dev.rpmoverlay.upstream.SourcesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Lookaside files kept by hash, {@code DIR/<hashtype>/<hash>/<file name>}, so a file is downloaded
 * once for every component and every run that needs it. Downloads go through {@link
 * LookasideDownloader}: retried, checked against the hash, and renamed into place only when the
 * hash matched, so the cache never holds a partial or wrong file under a real name. A cached file
 * is hashed again before every use, so a damaged one is downloaded again.
 */
public final class LookasideCache {
  private final Path dir;
  private final RetryPolicy retry;
  private final Duration timeout;

  /** Where a file came from. */
  public enum Origin {
    DOWNLOADED,
    CACHED
  }

  /** A cached, hash-checked file. */
  public record Cached(Path file, Origin origin) {}

  public LookasideCache(Path dir, RetryPolicy retry, Duration timeout) {
    this.dir = dir;
    this.retry = retry;
    this.timeout = timeout;
  }

  /**
   * The file of {@code entry}, from the cache or else downloaded from {@code url}.
   *
   * @throws dev.rpmoverlay.upstream.UpstreamException naming the component, file and URL when the
   *     download fails or never matches the hash
   */
  public Cached get(String component, SourcesFile.Entry entry, String url) throws IOException {
    Path slot = dir.resolve(entry.hashType().toLowerCase(Locale.ROOT)).resolve(entry.hash().toLowerCase(Locale.ROOT));
    boolean fresh = !Files.isDirectory(slot);
    Files.createDirectories(slot);
    try {
      LookasideDownloader.Result r = new LookasideDownloader(e -> url, retry, timeout).download(component, entry, slot);
      return new Cached(slot.resolve(entry.filename()),
          r == LookasideDownloader.Result.DOWNLOADED ? Origin.DOWNLOADED : Origin.CACHED);
    } catch (IOException | RuntimeException e) {
      if (fresh) {
        deleteIfEmpty(slot);
      }
      throw e;
    }
  }

  private static void deleteIfEmpty(Path slot) {
    try (var left = Files.list(slot)) {
      if (left.findAny().isEmpty()) {
        Files.delete(slot);
      }
    } catch (IOException ignored) {
      // an empty directory left behind holds no file, so the cache stays consistent
    }
  }
}
