package dev.rpmoverlay.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelMapTest {

  @Test
  void givesEachItemsResultInTheOrderOfTheItems() throws IOException {
    List<Integer> items = IntStream.range(0, 1000).boxed().toList();

    List<String> results = ParallelMap.map(items, 4, i -> "#" + i);

    assertThat(results).isEqualTo(IntStream.range(0, 1000).mapToObj(i -> "#" + i).toList());
  }

  @Test
  void theCallingThreadWorksBesideTheOthers() throws IOException {
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    CountDownLatch bothStarted = new CountDownLatch(2);

    ParallelMap.map(List.of(1, 2), 2, i -> {
      workers.add(Thread.currentThread());
      bothStarted.countDown();
      try {
        // each of the two items waits for the other: only two threads working at once get past this
        assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return i;
    });

    assertThat(workers).hasSize(2).contains(Thread.currentThread());
  }

  @Test
  void theFailureReportedIsTheFirstInItemOrderAndEveryItemIsStillAttempted() {
    AtomicInteger attempted = new AtomicInteger();

    assertThatThrownBy(() -> ParallelMap.map(IntStream.range(0, 200).boxed().toList(), 3, i -> {
      attempted.incrementAndGet();
      if (i == 150) {
        throw new IllegalStateException("item 150");
      }
      if (i >= 40 && i % 40 == 0) {
        throw new IOException("item " + i);
      }
      return i;
    })).isInstanceOf(IOException.class).hasMessage("item 40");
    assertThat(attempted).hasValue(200);
  }

  @Test
  void anEmptyListNeedsNoThread() throws IOException {
    assertThat(ParallelMap.map(List.<Integer>of(), 8, i -> i)).isEmpty();
  }
}
