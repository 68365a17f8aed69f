package dev.rpmoverlay.sources;

/**
 * One file of a prepared directory and where it came from.
 *
 * @param detail for a repacked archive its new hash, else empty
 */
public record PreparedFile(String path, Source source, String detail) {

  /** Where a prepared file came from. */
  public enum Source {
    /** A rendered file (spec, patches, the {@code sources} file, ...). */
    RENDERED("rendered"),
    /** An upstream file as it is ({@code --skip-overlays}). */
    UPSTREAM("upstream"),
    /** Listed in {@code sources} and shipped in the component's own files. */
    SHIPPED("shipped"),
    /** Downloaded from the lookaside (or a download origin) in this run. */
    DOWNLOADED("downloaded"),
    /** Taken from the local lookaside cache. */
    CACHED("cached"),
    /** An archive rewritten by archive overlays. */
    REPACKED("repacked");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
