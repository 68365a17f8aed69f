package dev.rpmoverlay.review;

import java.util.Objects;

/**
 * What made a change to rendered output: one user overlay, or an edit rpmoverlay makes by itself
 * (banner, macros file, check skip, release handling, file filter).
 *
 * @param overlayIndex 0-based index in the component's resolved overlay list; -1 for synthesized
 * @param type the overlay type ({@code spec-add-tag}, ...) or the synthesized edit's label
 * @param description the overlay's description (empty for synthesized edits or when not given)
 * @param category the overlay metadata category, empty when the overlay has no metadata
 */
public record Cause(int overlayIndex, String type, String description, String category) implements Comparable<Cause> {

  // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
  @Override
  public boolean equals(Object o) {
    return o instanceof Cause c && overlayIndex == c.overlayIndex && Objects.equals(type, c.type) && Objects.equals(description, c.description)
        && Objects.equals(category, c.category);
  }

  @Override
  public int hashCode() {
    return Objects.hash(overlayIndex, type, description, category);
  }

  public static Cause overlay(int index, String type, String description, String category) {
    return new Cause(index, type, description, category);
  }

  public static Cause synthesized(String label) {
    return new Cause(-1, label, "", "");
  }

  public boolean isOverlay() {
    return overlayIndex >= 0;
  }

  /** The 1-based overlay number users see ({@code #1} is the first overlay), or 0 when synthesized. */
  public int number() {
    return overlayIndex + 1;
  }

  /**
   * One line for people: {@code overlay #3 spec-search-replace [azl-pruning]: why} or
   * {@code synthesized: banner}.
   */
  public String label() {
    if (!isOverlay()) {
      return "synthesized: " + type;
    }
    StringBuilder sb = new StringBuilder("overlay #").append(number()).append(' ').append(type);
    if (!category.isEmpty()) {
      sb.append(" [").append(category).append(']');
    }
    if (!description.isBlank()) {
      sb.append(": ").append(description);
    }
    return sb.toString();
  }

  /** Overlays in declaration order, then synthesized edits by label. */
  @Override
  public int compareTo(Cause o) {
    if (isOverlay() != o.isOverlay()) {
      return isOverlay() ? -1 : 1;
    }
    if (isOverlay()) {
      return Integer.compare(overlayIndex, o.overlayIndex);
    }
    return type.compareTo(o.type);
  }
}
