package dev.rpmoverlay.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Downloads the lookaside files a {@code sources} file lists (like {@code fedpkg sources} or azldev
 * {@code prepare-sources}), verifying each against its hash. A file is written under a temporary
 * name and renamed into place only after its hash matched, so a failed or interrupted download never
 * leaves a partial or wrong file under the real name. Files already present with the right hash are
 * not downloaded again.
 */
public final class LookasideDownloader {

  /** How long a lookaside server may stay silent (connecting, or mid-transfer) before the attempt fails. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final Function<SourcesFile.Entry, String> urlOf;
  private final RetryPolicy retry;
  private final Duration timeout;

  /** What happened to one file. */
  public enum Result {
    DOWNLOADED,
    ALREADY_PRESENT
  }

  /**
   * @param urlOf the lookaside URL of an entry: the distro's {@code lookaside-base-uri} expanded
   *     for the package, file, hash type and hash (see {@code UpstreamRef.lookasideUri})
   */
  public LookasideDownloader(Function<SourcesFile.Entry, String> urlOf, RetryPolicy retry) {
    this(urlOf, retry, DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout how long a server may stay silent, while connecting or between two reads of the
   *     body, before the attempt fails (and is retried); a slow but steady transfer is not cut
   */
  public LookasideDownloader(Function<SourcesFile.Entry, String> urlOf, RetryPolicy retry, Duration timeout) {
    this.urlOf = urlOf;
    this.retry = retry;
    this.timeout = timeout;
  }

  /**
   * Downloads every entry of {@code sources} into {@code dir}.
   *
   * @throws UpstreamException naming the component, file and URL on a failed download or a hash
   *     mismatch (after the retries)
   */
  public java.util.Map<String, Result> downloadAll(String component, SourcesFile sources, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    java.util.Map<String, Result> results = new java.util.TreeMap<>();
    for (SourcesFile.Entry e : sources.entries()) {
      results.put(e.filename(), download(component, e, dir));
    }
    return results;
  }

  public Result download(String component, SourcesFile.Entry e, Path dir) throws IOException {
    Path target = ComponentNames.safeRelative(dir, e.filename(),
        () -> new UpstreamException("component '" + component + "': unsafe file name '" + e.filename() + "' in sources"));
    if (Files.isRegularFile(target) && hashOf(target, e.hashType()).equalsIgnoreCase(e.hash())) {
      return Result.ALREADY_PRESENT;
    }
    String url;
    try {
      url = urlOf.apply(e);
    } catch (IllegalArgumentException ex) {
      throw new UpstreamException("component '" + component + "': lookaside URL for " + e.filename() + ": " + ex.getMessage());
    }
    String where = "component '" + component + "': lookaside file " + e.filename() + " (" + url + ")";
    try {
      retry.run(() -> {
        fetchVerified(url, e, target, where);
        return null;
      }, ex -> ex instanceof IOException || ex instanceof TransientHttpStatus || ex instanceof HashMismatch);
    } catch (UpstreamException | IOException ex) {
      throw ex instanceof UpstreamException u ? u
          : new UpstreamException(where + ": download failed after " + (retry.retries() + 1) + " attempt(s): " + ex.getMessage(), ex);
    } catch (HashMismatch ex) {
      throw new UpstreamException(where + ": " + ex.getMessage() + " (after " + (retry.retries() + 1)
          + " attempt(s); nothing was written under the file's name)");
    } catch (TransientHttpStatus ex) {
      throw new UpstreamException(where + ": " + ex.getMessage() + " after " + (retry.retries() + 1) + " attempt(s)");
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(where + ": interrupted");
    } catch (Exception ex) {
      throw new UpstreamException(where + ": " + ex.getMessage(), ex);
    }
    return Result.DOWNLOADED;
  }

  private void fetchVerified(String url, SourcesFile.Entry e, Path target, String where) throws Exception {
    Path part = target.resolveSibling("." + target.getFileName() + ".part-" + UUID.randomUUID());
    try {
      MessageDigest digest = digest(e.hashType());
      try (InputStream body = open(url); InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(part)) {
        in.transferTo(out);
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equalsIgnoreCase(e.hash())) {
        // Retried like azldev does: a cut connection can end a body early without an error.
        throw new HashMismatch(e.hashType() + " mismatch: expected " + e.hash() + ", got " + actual);
      }
      try {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException ex) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private InputStream open(String url) throws Exception {
    URI uri = URI.create(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return uri.toURL().openStream(); // file:// mirrors
    }
    // HttpURLConnection, not HttpClient: its read timeout also bounds a body that stalls midway,
    // which HttpClient's request timeout (headers only) does not.
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    c.setConnectTimeout(millis);
    c.setReadTimeout(millis);
    c.setInstanceFollowRedirects(true);
    int status;
    try {
      status = c.getResponseCode();
    } catch (SocketTimeoutException e) {
      throw new IOException("no answer within " + describe(timeout), e);
    }
    if (status == 200) {
      return new TimeoutNamingStream(c.getInputStream(), timeout);
    }
    c.disconnect();
    if (status >= 500 || status == 429 || status == 408) {
      throw new TransientHttpStatus("HTTP " + status);
    }
    throw new UpstreamException("lookaside " + url + " answered HTTP " + status + " (is the file uploaded, and the hash right?)");
  }

  /** Says how long the server was silent when a read times out, instead of the JDK's bare "Read timed out". */
  private static final class TimeoutNamingStream extends java.io.FilterInputStream {
    private final Duration timeout;

    TimeoutNamingStream(InputStream in, Duration timeout) {
      super(in);
      this.timeout = timeout;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (SocketTimeoutException e) {
        throw new IOException("the server sent nothing for " + describe(timeout) + " mid-transfer", e);
      }
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The {@code hashType} digest of {@code file}, in lower-case hex. */
  public static String hashOf(Path file, String hashType) throws IOException {
    MessageDigest d = digest(hashType);
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** The {@code hashType} digest of {@code data}, in lower-case hex. */
  public static String hashOf(byte[] data, String hashType) {
    return HexFormat.of().formatHex(digest(hashType).digest(data));
  }

  private static MessageDigest digest(String hashType) {
    String algorithm = switch (hashType.toUpperCase(Locale.ROOT)) {
      case "MD5" -> "MD5";
      case "SHA1" -> "SHA-1";
      case "SHA224" -> "SHA-224";
      case "SHA256" -> "SHA-256";
      case "SHA384" -> "SHA-384";
      case "SHA512" -> "SHA-512";
      default -> throw new UpstreamException("unsupported hash type '" + hashType + "' in sources file");
    };
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Downloaded bytes whose hash is not the one the sources file lists. */
  static final class HashMismatch extends Exception {
    private static final long serialVersionUID = 1L;

    HashMismatch(String message) {
      super(message);
    }
  }

  /** A server error worth retrying (5xx, 408, 429). */
  static final class TransientHttpStatus extends Exception {
    private static final long serialVersionUID = 1L;

    TransientHttpStatus(String message) {
      super(message);
    }
  }
}
