package dev.rpmoverlay.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Records whose {@code equals} and {@code hashCode} are written out. A record's generated ones are
 * linked through method handles the first time they run, and the JDK spins a few classes for each
 * record to do so: some milliseconds per record in every short-lived run, which class-data sharing
 * cannot keep (docs/benchmarks.md). The records such runs compare or hash write them out instead,
 * and this test holds each one to what the generated methods would do: equal components give equal
 * records with equal hash codes, and a change in any one component makes them unequal.
 */
class HandWrittenRecordMethodsTest {
  /**
   * Each record whose equals and hashCode are written out (a generated one cannot be told from a
   * written one by reflection: both are declared methods of the record).
   */
  private static final List<Class<?>> HAND_WRITTEN = List.of(
      dev.rpmoverlay.upstream.FileStamp.class,
      type("dev.rpmoverlay.upstream.VerificationRecord$Verified"),
      type("dev.rpmoverlay.overlay.LineOrigin$ByOverlay"),
      type("dev.rpmoverlay.overlay.LineOrigin$Synthesized"),
      dev.rpmoverlay.review.Cause.class,
      type("dev.rpmoverlay.review.OverlayLinter$State"),
      dev.rpmoverlay.release.DownstreamCommit.class,
      type("dev.rpmoverlay.config.LoadReads$Stamp"),
      type("dev.rpmoverlay.upstream.KeptLockVerdicts$Verdict"));

  @Test
  void equalComponentsGiveEqualRecordsWithEqualHashCodes() throws Exception {
    for (Class<?> type : HAND_WRITTEN) {
      Object one = sample(type, -1);
      Object other = sample(type, -1);
      assertThat(one).as(type.getName()).isNotSameAs(other).isEqualTo(other).hasSameHashCodeAs(other);
    }
  }

  @Test
  void aChangeInAnyOneComponentMakesRecordsUnequal() throws Exception {
    for (Class<?> type : HAND_WRITTEN) {
      Object base = sample(type, -1);
      RecordComponent[] components = type.getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        assertThat(sample(type, i)).as("%s differing in %s", type.getName(), components[i].getName()).isNotEqualTo(base);
      }
    }
  }

  private static Class<?> type(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name + " is gone: take it off the list", e);
    }
  }

  /** An instance of {@code record} from sample values, the component at {@code differing} (if any) given another value. */
  private static Object sample(Class<?> record, int differing) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(components[i].getType(), i == differing);
    }
    Constructor<?> canonical = record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    canonical.setAccessible(true);
    return canonical.newInstance(values);
  }

  private static Object value(Class<?> type, boolean other) throws Exception {
    if (type == int.class) {
      return other ? 2 : 1;
    } else if (type == char.class) {
      return other ? 'b' : 'a';
    } else if (type == long.class) {
      return other ? 2L : 1L;
    } else if (type == boolean.class) {
      return other;
    } else if (type == String.class) {
      return other ? "b" : "a";
    } else if (type == Path.class) {
      return Path.of(other ? "b" : "a");
    } else if (type == byte[].class) {
      return new byte[] {(byte) (other ? 2 : 1)};
    } else if (type == Instant.class) {
      return Instant.EPOCH.plusSeconds(other ? 1 : 0);
    } else if (type == List.class) {
      return List.of(other ? "b" : "a");
    } else if (type == Set.class) {
      return Set.of(other ? "b" : "a");
    } else if (type == Map.class || type == SortedMap.class) {
      return new TreeMap<>(Map.of(other ? "b" : "a", "v"));
    } else if (type == Optional.class) {
      return other ? Optional.of("b") : Optional.empty();
    } else if (type.isEnum()) {
      return type.getEnumConstants()[other ? 1 : 0];
    } else if (type.isRecord()) {
      return sample(type, other ? 0 : -1);
    }
    throw new AssertionError("no sample value for a component of type " + type.getName() + ": add one to this test");
  }
}
