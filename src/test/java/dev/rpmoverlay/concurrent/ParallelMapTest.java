package dev.rpmoverlay.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    ParallelMap.map(List.of(1, 2, 3, 4), 2, i -> {
      workers.add(Thread.currentThread());
      bothStarted.countDown();
      try {
        // each item waits for a second one to start: only two threads working at once get past this
        assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return i;
    });

    assertThat(workers).hasSize(2).contains(Thread.currentThread());
  }

  @Test
  void aListOfFewerThanTwoItemsPerThreadRunsOnTheCaller() throws IOException {
    Set<Thread> workers = ConcurrentHashMap.newKeySet();

    ParallelMap.map(List.of(1, 2, 3), 2, i -> workers.add(Thread.currentThread()));

    assertThat(workers).containsExactly(Thread.currentThread());
  }

  @Test
  void theFailureReportedIsTheFirstInItemOrderWhicheverThreadMetIt() {
    List<Integer> started = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    assertThatThrownBy(() -> ParallelMap.map(IntStream.range(0, 200).boxed().toList(), 3, i -> {
      started.add(i);
      if (i == 150) {
        throw new IllegalStateException("item 150");
      }
      if (i >= 40 && i % 40 == 0) {
        throw new IOException("item " + i);
      }
      return i;
    })).isInstanceOf(IOException.class).hasMessage("item 40");
    assertThat(started).containsAll(IntStream.rangeClosed(0, 40).boxed().toList());
  }

  @Test
  void noItemStartsOnceAFailureIsKnown() {
    List<Integer> started = new java.util.ArrayList<>();

    assertThatThrownBy(() -> ParallelMap.map(IntStream.range(0, 100).boxed().toList(), 1, i -> {
      started.add(i);
      if (i == 40) {
        throw new IOException("item 40");
      }
      return i;
    })).hasMessage("item 40");
    assertThat(started).isEqualTo(IntStream.rangeClosed(0, 40).boxed().toList());
  }

  @Test
  void nestedCallsFinish() throws IOException {
    List<Integer> sums = ParallelMap.map(IntStream.range(0, 50).boxed().toList(), 2,
        i -> ParallelMap.map(IntStream.range(0, i).boxed().toList(), 2, j -> j).stream().mapToInt(Integer::intValue).sum());

    assertThat(sums).isEqualTo(IntStream.range(0, 50).map(i -> i * (i - 1) / 2).boxed().toList());
  }

  @Test
  void anEmptyListNeedsNoThread() throws IOException {
    assertThat(ParallelMap.map(List.<Integer>of(), 8, i -> i)).isEmpty();
  }
}
