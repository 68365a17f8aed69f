package dev.rpmoverlay.concurrent;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a task to every item of a list on several threads, the calling thread among them, and
 * gives the results in the list's order; a failure is the first one in that order, whichever
 * thread met it, so what a command prints never depends on the number of threads.
 *
 * <p>Not a parallel stream: under JDK 17 a thread that waits for one and is not a pool worker
 * (the main thread, or a thread of ours) spins in {@code ForkJoinPool.helpComplete} instead of
 * taking items, so on two cores the lock check of 7,583 components ran on the one common-pool
 * worker while the other core burned (a JFR profile of {@code render -a}: 157 of the main
 * thread's 173 samples in that phase), and the stamp scans did the same. Here every thread takes
 * the next item from a shared counter until none is left. Helpers come from one pool of daemon
 * threads, kept between calls (a stamp scan calls this once per directory of its top two levels),
 * and may call this again for nested work.
 */
public final class ParallelMap {
  private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "parallel-map");
    t.setDaemon(true);
    return t;
  });

  private ParallelMap() {}

  /** One item's work. */
  @FunctionalInterface
  public interface Task<T, R> {
    R apply(T item) throws IOException;
  }

  /** {@link #map(List, int, Task)} on as many threads as there are processors. */
  public static <T, R> List<R> map(List<T> items, Task<T, R> task) throws IOException {
    return map(items, Runtime.getRuntime().availableProcessors(), task);
  }

  /**
   * @param threads how many threads work at most, the caller included; a list of fewer than two
   *     items per thread runs on the caller alone (handing one of a cache entry's three names to
   *     another thread costs more than it saves)
   * @return each item's result, in the order of {@code items}
   * @throws IOException the first failure in the order of {@code items} (a runtime exception or
   *     error is rethrown as it is). Once an item failed, no later item is started; every earlier
   *     one runs, so which failure is first does not depend on timing.
   */
  public static <T, R> List<R> map(List<T> items, int threads, Task<T, R> task) throws IOException {
    int n = items.size();
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger firstFailed = new AtomicInteger(n);
    Runnable worker = () -> {
      // The counter hands out items in list order, and an item is skipped only when one before it
      // failed: every item before the first failing one runs, whatever the timing, so that
      // failure is always the one reported.
      for (int i = next.getAndIncrement(); i < n && i < firstFailed.get(); i = next.getAndIncrement()) {
        try {
          results[i] = task.apply(items.get(i));
        } catch (IOException | RuntimeException | Error e) {
          failures[i] = e;
          firstFailed.accumulateAndGet(i, Math::min);
        }
      }
    };
    int helpers = n < 2 * threads ? 0 : threads - 1;
    CountDownLatch done = new CountDownLatch(helpers);
    for (int t = 0; t < helpers; t++) {
      HELPERS.execute(() -> {
        try {
          worker.run();
        } finally {
          done.countDown();
        }
      });
    }
    worker.run();
    boolean interrupted = false;
    while (true) {
      try {
        done.await(); // the arrays are only safe to read once every helper is done
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Throwable f : failures) {
      if (f instanceof IOException io) {
        throw io;
      } else if (f instanceof RuntimeException r) {
        throw r;
      } else if (f instanceof Error e) {
        throw e;
      }
    }
    @SuppressWarnings("unchecked")
    List<R> out = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
    return out;
  }
}
