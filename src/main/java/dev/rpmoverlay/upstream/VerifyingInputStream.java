package dev.rpmoverlay.upstream;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Passes bytes through while hashing them with SHA-256; at the end of the stream it throws the
 * error {@code mismatch} makes (from a phrase saying what was found) when the size or the hash is
 * not the expected one. A stream closed before its end checks nothing: its reader did not use all
 * of it.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final long expectedSize;
  private final String expectedSha256;
  private final Function<String, ? extends RuntimeException> mismatch;
  private final Hasher hasher = Hashing.sha256().newHasher();
  private long count;
  private boolean checked;

  VerifyingInputStream(InputStream in, long expectedSize, String expectedSha256, Function<String, ? extends RuntimeException> mismatch) {
    super(in);
    this.expectedSize = expectedSize;
    this.expectedSha256 = expectedSha256;
    this.mismatch = mismatch;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      atEnd();
    } else {
      hasher.putByte((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n < 0) {
      atEnd();
    } else {
      hasher.putBytes(b, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) {
    return 0; // every byte must pass through the hash
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void atEnd() {
    if (checked) {
      return;
    }
    checked = true;
    if (count != expectedSize) {
      throw mismatch.apply("has " + count + " bytes, not the " + expectedSize + " it had when the entry was verified");
    }
    String actual = hasher.hash().toString();
    if (!actual.equalsIgnoreCase(expectedSha256)) {
      throw mismatch.apply("has SHA-256 " + actual + " but " + CacheMetadataToml.FILE_NAME + " lists " + expectedSha256);
    }
  }
}
