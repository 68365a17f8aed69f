package dev.rpmoverlay.upstream;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.config.UserCacheDir;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * Bare mirrors of dist-git repositories, one per URL, kept in a local cache directory outside the
 * project (they are a download cache, not project content).
 *
 * <p>Each fetch asks for exactly one branch ({@code +refs/heads/B:refs/heads/B}, no tags) with
 * <b>full history</b>: rpmautospec numbers a release by walking back to the last Version change and
 * builds the changelog back to the last change of the {@code changelog} file, which can be any
 * depth; a shallow history silently produces wrong numbers (rpmautospec #210). Because the mirror
 * persists, the full history is transferred once and every later fetch only brings new objects.
 *
 * <p>Fetches of the same mirror are serialized (within this process by a monitor, across processes
 * by a file lock next to the mirror); different mirrors fetch in parallel.
 */
public final class MirrorStore {

  private final Path root;
  private final RetryPolicy retry;
  private final int timeoutSeconds;
  private final DistGitMirrors sources;
  private final Map<Path, Object> locks = new ConcurrentHashMap<>();

  /** How long one network operation may stall before it counts as failed. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 120;

  public MirrorStore(Path root, RetryPolicy retry) {
    this(root, retry, DEFAULT_TIMEOUT_SECONDS);
  }

  public MirrorStore(Path root, RetryPolicy retry, int timeoutSeconds) {
    this(root, retry, timeoutSeconds, DistGitMirrors.NONE);
  }

  /**
   * @param sources where to fetch each URL from (the local mirror is keyed by that fetch URL, so
   *     content from a different server never lands in the same repository)
   */
  public MirrorStore(Path root, RetryPolicy retry, int timeoutSeconds, DistGitMirrors sources) {
    this.root = root.toAbsolutePath().normalize();
    this.retry = retry;
    this.timeoutSeconds = timeoutSeconds;
    this.sources = sources;
  }

  /**
   * The default mirror directory: {@code $RPMOVERLAY_MIRROR_DIR}, else
   * {@code $XDG_CACHE_HOME/rpmoverlay/mirrors}, else {@code ~/.cache/rpmoverlay/mirrors}.
   */
  public static Path defaultRoot(Map<String, String> env) {
    String explicit = env.get("RPMOVERLAY_MIRROR_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return UserCacheDir.of(env).resolve("mirrors");
  }

  public Path root() {
    return root;
  }

  /**
   * The mirror directory of {@code url}: a readable name from the URL's last path segment plus 16
   * hex digits of the URL's SHA-256, so different servers never share a mirror.
   */
  public Path pathFor(String url) {
    String trimmed = url.replaceAll("/+$", "");
    String last = trimmed.substring(trimmed.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
    String readable = last.replaceAll("[^A-Za-z0-9._+-]", "_").toLowerCase(Locale.ROOT);
    String hash = Hashing.sha256().hashString(url, StandardCharsets.UTF_8).toString().substring(0, 16);
    return root.resolve(readable + "-" + hash + ".git");
  }

  /** Opens the local mirror of {@code c.url()}, creating an empty one when there is none yet. */
  public Repository open(UpstreamCoordinates c) throws IOException {
    Path dir = pathFor(sources.fetchUrl(c.url()));
    Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    if (!Files.exists(dir.resolve("objects"))) {
      Files.createDirectories(dir.getParent());
      repo.create(true);
    }
    return repo;
  }

  /**
   * Brings the mirror's copy of {@code c.branch()} up to date with the server, retrying transient
   * failures. A failed fetch leaves the mirror as it was (refs are only updated once the pack is
   * complete).
   *
   * @throws UpstreamException when the repository or branch does not exist, or the server stayed
   *     unreachable after all retries
   */
  public void fetch(Repository repo, UpstreamCoordinates c) {
    Object lock = locks.computeIfAbsent(repo.getDirectory().toPath(), k -> new Object());
    synchronized (lock) {
      String ref = "refs/heads/" + c.branch();
      Path lockFile = repo.getDirectory().toPath().resolveSibling(repo.getDirectory().getName() + ".lock");
      // The file lock keeps two rpmoverlay processes from fetching into one mirror at once.
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
          FileLock held = channel.lock()) {
        retry.run(() -> fetchOnce(repo, sources.fetchUrl(c.url()), ref), e -> isTransient(e, ref));
      } catch (NoRemoteRepositoryException e) {
        if (isDroppedConnection(e)) {
          throw new UpstreamException(describe(c) + ": the server closed the connection without listing any refs after "
              + (retry.retries() + 1) + " attempt(s): the dist-git repository may not exist (check spec.upstream-name and the"
              + " distro's dist-git-base-uri), or the server failed (retry later or raise --network-retries)", e);
        }
        throw new UpstreamException(describe(c) + ": the dist-git repository does not exist"
            + " (check spec.upstream-name and the distro's dist-git-base-uri)", e);
      } catch (TransportException e) {
        if (isMissingBranch(e, ref)) {
          throw new UpstreamException(describe(c) + ": the repository has no branch '" + c.branch()
              + "' (check the distro version's dist-git-branch)", e);
        }
        throw new UpstreamException(describe(c) + ": fetch failed after " + (retry.retries() + 1)
            + " attempt(s): " + e.getMessage() + " (the previous cache entry is unchanged; retry later or raise --network-retries)", e);
      } catch (java.net.URISyntaxException e) {
        throw new UpstreamException(describe(c) + ": not a valid git URL: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UpstreamException(describe(c) + ": fetch interrupted", e);
      } catch (Exception e) {
        throw new UpstreamException(describe(c) + ": fetch failed: " + e.getMessage(), e);
      }
    }
  }

  /** {@link UpstreamCoordinates#describe}, naming the server actually fetched from when that is a mirror. */
  private String describe(UpstreamCoordinates c) {
    String d = c.describe();
    return sources.rewrites(c.url()) ? d + " fetched from mirror " + sources.fetchUrl(c.url()) : d;
  }

  private Void fetchOnce(Repository repo, String url, String ref) throws Exception {
    URIish uri = new URIish(url);
    // JGit's git:// transport ignores its timeout while blocked in a read (see GitDaemonTransport).
    try (Transport transport = "git".equals(uri.getScheme()) ? new GitDaemonTransport(repo, uri) : Transport.open(repo, uri)) {
      transport.setTagOpt(TagOpt.NO_TAGS);
      transport.setTimeout(timeoutSeconds);
      transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + ref + ":" + ref)));
    }
    return null;
  }

  /**
   * Over git:// JGit reports a connection that closed before the ref advertisement as "not found",
   * exactly as for a missing repository (the daemon just hangs up). The two cannot be told apart,
   * so this case is retried like any dropped connection and reported as either.
   */
  private static boolean isDroppedConnection(Exception e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMissingBranch(TransportException e, String ref) {
    String expected = MessageFormat.format(JGitText.get().remoteDoesNotHaveSpec, ref);
    return e.getMessage() != null && e.getMessage().contains(expected);
  }

  /** Connection trouble is worth retrying; a missing repository or branch is not. */
  private static boolean isTransient(Exception e, String ref) {
    if (e instanceof NoRemoteRepositoryException) {
      return isDroppedConnection(e);
    }
    if (e instanceof TransportException t) {
      return !isMissingBranch(t, ref);
    }
    return e instanceof IOException;
  }
}
