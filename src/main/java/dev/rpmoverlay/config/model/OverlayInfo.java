package dev.rpmoverlay.config.model;

import java.util.Optional;

/**
 * What every overlay carries besides its type-specific fields.
 *
 * @param index 0-based position in the component's resolved overlay list (inherited order)
 * @param description why the overlay exists (may be empty; azldev allows that)
 * @param metadata the overlay's (or its overlay file's) metadata, if any
 * @param declaredAt the file and position of the overlay's table, for error messages; relative
 *     {@code source} paths resolve against this file's directory
 */
public record OverlayInfo(int index, String description, Optional<OverlayMetadata> metadata, SourcePosition declaredAt) {

  /**
   * The overlay's number as every output shows it ({@code #N}): 1-based, in resolved order. Only
   * {@link #index} is 0-based, and it never reaches a user.
   */
  public int number() {
    return index + 1;
  }

  /** The description, or azldev's placeholder when there is none. */
  public String describe() {
    return description.isBlank() ? "(no description)" : description;
  }
}
