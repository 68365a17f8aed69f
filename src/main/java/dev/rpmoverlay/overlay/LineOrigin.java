package dev.rpmoverlay.overlay;

import java.util.Objects;

/**
 * Where one line of a rendered spec came from: unchanged upstream, or the edit that produced or
 * last changed it. Every line of a {@link SpecLines} carries one; it costs one reference per line.
 */
public sealed interface LineOrigin {

  /** The line is upstream's line {@code line} (1-based), unchanged. */
  record Upstream(int line) implements LineOrigin {
    @Override
    public String toString() {
      return "upstream:" + line;
    }
  }

  /**
   * A user overlay produced or changed the line.
   *
   * @param index 0-based position in the component's resolved overlay list
   */
  record ByOverlay(int index, String type, String description) implements LineOrigin {
    // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
    @Override
    public boolean equals(Object o) {
      return o instanceof ByOverlay b && index == b.index && Objects.equals(type, b.type) && Objects.equals(description, b.description);
    }

    @Override
    public int hashCode() {
      return Objects.hash(index, type, description);
    }

    @Override
    public String toString() {
      return "overlay #" + (index + 1) + " (" + type + (description.isBlank() ? "" : " \"" + description + "\"") + ")";
    }
  }

  /** rpmoverlay synthesized the line itself (banner, macros load block, Source9999, check skip, release bump). */
  record Synthesized(SynthesizedEdit edit) implements LineOrigin {
    // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
    @Override
    public boolean equals(Object o) {
      return o instanceof Synthesized s && Objects.equals(edit, s.edit);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(edit);
    }

    @Override
    public String toString() {
      return "synthesized " + edit.label();
    }
  }

  default boolean isUpstream() {
    return this instanceof Upstream;
  }
}
