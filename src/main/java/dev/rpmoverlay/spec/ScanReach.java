package dev.rpmoverlay.spec;

import java.util.Arrays;

/**
 * Where the structure scan's logical-line reads (of a {@code %define}/{@code %global} or an
 * <code>%{expand:...}</code>/<code>%{lua:...}</code> line, {@link LogicalLines}) went past their
 * first line: the insert positions at which new lines would have been read by a scan that started
 * earlier, so that what the scan read, and everything it decided, could change. {@link
 * StructureInsert} absorbs an insert only at a position outside these ranges.
 */
final class ScanReach {
  static final ScanReach NONE = new ScanReach(new int[0], false);

  /** Sorted disjoint ranges of insert positions, {@code [ranges[2i], ranges[2i+1])}. */
  private final int[] ranges;
  /** Whether the scan's budget ran out: later reads stopped counting brackets. */
  private final boolean exhausted;

  private ScanReach(int[] ranges, boolean exhausted) {
    this.ranges = ranges;
    this.exhausted = exhausted;
  }

  /** Whether lines inserted before line {@code at} are read by no earlier scan. */
  boolean allowsInsertAt(int at) {
    if (exhausted) {
      return false;
    }
    int r = firstEndingAfter(at);
    return r == ranges.length || ranges[r] > at;
  }

  /** Whether no read went past its first line. */
  boolean isEmpty() {
    return ranges.length == 0 && !exhausted;
  }

  /** The reach after {@code count} lines were inserted at an allowed position {@code at}. */
  ScanReach shifted(int at, int count) {
    int r = firstEndingAfter(at);
    if (r == ranges.length) {
      return this;
    }
    int[] moved = ranges.clone();
    for (int i = r; i < moved.length; i++) {
      moved[i] += count;
    }
    return new ScanReach(moved, exhausted);
  }

  /** Index of the first range bound whose range ends after {@code at} (an even index). */
  private int firstEndingAfter(int at) {
    int lo = 0;
    int hi = ranges.length / 2;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ranges[2 * mid + 1] <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return 2 * lo;
  }

  /** Collects the reads of one scan, in increasing order of their first line. */
  static final class Builder {
    private int[] ranges = new int[8];
    private int size;

    /** Records what {@code lines} read for a logical line starting at {@code start}. */
    void read(int start, LogicalLines lines) {
      int from = start + 1;
      int to = lines.openAtEnd() ? lines.readEnd() + 1 : lines.readEnd();
      if (from >= to) {
        return;
      }
      if (size > 0 && from <= ranges[size - 1]) {
        ranges[size - 1] = Math.max(ranges[size - 1], to);
        return;
      }
      if (size == ranges.length) {
        ranges = Arrays.copyOf(ranges, size * 2);
      }
      ranges[size++] = from;
      ranges[size++] = to;
    }

    ScanReach build(LogicalLines lines) {
      return size == 0 && !lines.exhausted() ? NONE : new ScanReach(Arrays.copyOf(ranges, size), lines.exhausted());
    }
  }
}
