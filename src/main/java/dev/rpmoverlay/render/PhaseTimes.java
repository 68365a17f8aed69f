package dev.rpmoverlay.render;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wall time spent in each render phase, summed over worker threads, and how often it was entered,
 * for {@code render --timings} and the full-distro benchmark. Process-wide and lock-free; costs two
 * {@code nanoTime} calls per phase and component.
 */
public final class PhaseTimes {
  /** The phases, in pipeline order. */
  public enum Phase {
    START("start (JVM + command line)"),
    LOAD("load config"),
    LOCKS("check locks"),
    RESOLVE("resolve components"),
    PARALLEL("render threads (wall time)"),
    READ("read upstream cache"),
    OVERLAY("overlays + synthesized edits"),
    RELEASE("release"),
    FILTER("file filter"),
    LINT("lint of the overlays"),
    COMPARE("compare with output"),
    WRITE("write (staging dir)"),
    SWAP("move into place"),
    RECORD("stamp record (next run)"),
    TOTAL("total (wall, since JVM start)");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final Map<Phase, LongAdder> NANOS = new EnumMap<>(Phase.class);
  private static final Map<Phase, LongAdder> TIMES = new EnumMap<>(Phase.class);

  static {
    for (Phase p : Phase.values()) {
      NANOS.put(p, new LongAdder());
      TIMES.put(p, new LongAdder());
    }
  }

  private PhaseTimes() {}

  public static long start() {
    return System.nanoTime();
  }

  /** Adds the time since {@code startNanos} to {@code phase}. */
  public static void add(Phase phase, long startNanos) {
    NANOS.get(phase).add(System.nanoTime() - startNanos);
    TIMES.get(phase).increment();
  }

  /** Adds {@code millis} to {@code phase}, for a span measured by another clock (the JVM's start time). */
  public static void addMillis(Phase phase, long millis) {
    NANOS.get(phase).add(millis * 1_000_000);
    TIMES.get(phase).increment();
  }

  /** Milliseconds per phase so far. */
  public static Map<Phase, Long> millis() {
    Map<Phase, Long> out = new EnumMap<>(Phase.class);
    NANOS.forEach((p, n) -> out.put(p, n.sum() / 1_000_000));
    return out;
  }

  /** How often each phase was entered so far (e.g. how many upstream entries were read). */
  public static Map<Phase, Long> times() {
    Map<Phase, Long> out = new EnumMap<>(Phase.class);
    TIMES.forEach((p, n) -> out.put(p, n.sum()));
    return out;
  }
}
