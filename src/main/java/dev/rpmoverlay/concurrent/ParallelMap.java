package dev.rpmoverlay.concurrent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a task to every item of a list on several threads, the calling thread among them, and
 * gives the results in the list's order; a failure is the first one in that order, whichever
 * thread met it, so what a command prints never depends on the number of threads.
 *
 * <p>Not a parallel stream: under JDK 17 the thread that starts one, when it is not a pool worker,
 * spends its wait spinning in {@code ForkJoinPool.helpComplete} instead of taking items, so on two
 * cores the lock check of 7,583 components ran on one core and burned the other (a JFR profile of
 * {@code render -a}: 157 of the main thread's 173 samples in that phase). Here every thread takes
 * the next item from a shared counter until none is left.
 */
public final class ParallelMap {
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
   * @param threads how many threads work at most, the caller included (fewer for fewer items)
   * @return each item's result, in the order of {@code items}
   * @throws IOException the first failure in the order of {@code items} (a runtime exception or
   *     error is rethrown as it is); every item is attempted either way
   */
  public static <T, R> List<R> map(List<T> items, int threads, Task<T, R> task) throws IOException {
    int n = items.size();
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        try {
          results[i] = task.apply(items.get(i));
        } catch (IOException | RuntimeException | Error e) {
          failures[i] = e;
        }
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < Math.min(threads, n); t++) {
      Thread helper = new Thread(worker, "parallel-map");
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (true) {
        try {
          helper.join(); // the helpers take no new item once the counter passed the end
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the arrays are only safe to read once every helper is done
        }
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
