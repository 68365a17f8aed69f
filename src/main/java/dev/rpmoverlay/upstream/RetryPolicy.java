package dev.rpmoverlay.upstream;

import java.time.Duration;

/**
 * How often a transient network failure is retried ({@code --network-retries}) and how long to wait
 * between attempts: exponential backoff from {@code initialDelay}, doubling, capped at
 * {@code maxDelay}.
 *
 * @param retries attempts after the first one (0 = try once)
 */
public record RetryPolicy(int retries, Duration initialDelay, Duration maxDelay) {

  /** azldev's default: three retries. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10));

  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }
  }

  public static RetryPolicy of(int retries) {
    return new RetryPolicy(retries, DEFAULT.initialDelay, DEFAULT.maxDelay);
  }

  /** The wait before retry number {@code retry} (1-based). */
  public Duration delayBefore(int retry) {
    long millis = initialDelay.toMillis() << Math.min(retry - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }

  /** An action that may fail transiently. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws Exception;
  }

  /**
   * Runs {@code attempt}, retrying while it throws an exception that {@code transientFailure}
   * accepts. The last failure is rethrown.
   */
  public <T> T run(Attempt<T> attempt, java.util.function.Predicate<Exception> transientFailure) throws Exception {
    for (int attemptNo = 0; ; attemptNo++) {
      try {
        return attempt.run();
      } catch (Exception e) {
        if (attemptNo >= retries || !transientFailure.test(e)) {
          throw e;
        }
        Thread.sleep(delayBefore(attemptNo + 1).toMillis());
      }
    }
  }
}
