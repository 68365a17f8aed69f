package dev.rpmoverlay.render;

import java.nio.file.Path;

/**
 * How a render run behaves.
 *
 * @param check render and compare only; write nothing
 * @param failOnError when any component fails, write nothing at all (the previous output stays)
 * @param cleanStale delete component dirs under single-letter dirs that belong to no component
 *     (only meaningful when every component is rendered)
 */
public record RenderOptions(Path outDir, int jobs, boolean check, boolean failOnError, boolean cleanStale) {
  public RenderOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }
}
