package dev.rpmoverlay.render;

import java.nio.file.Path;

/**
 * How a render run behaves. Build it by name, not by position:
 * {@code RenderOptions.into(out).withJobs(4).checkOnly()}.
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

  /** Writes into {@code outDir} with one job, keeping the others' output when a component fails, stale dirs kept. */
  public static RenderOptions into(Path outDir) {
    return new RenderOptions(outDir, 1, false, false, false);
  }

  public RenderOptions withJobs(int jobs) {
    return new RenderOptions(outDir, jobs, check, failOnError, cleanStale);
  }

  /** Renders and compares only; writes nothing. */
  public RenderOptions checkOnly() {
    return withCheck(true);
  }

  public RenderOptions withCheck(boolean check) {
    return new RenderOptions(outDir, jobs, check, failOnError, cleanStale);
  }

  /** Writes nothing at all when any component fails. */
  public RenderOptions failingOnError() {
    return withFailOnError(true);
  }

  public RenderOptions withFailOnError(boolean failOnError) {
    return new RenderOptions(outDir, jobs, check, failOnError, cleanStale);
  }

  /** Deletes component dirs that belong to no component. */
  public RenderOptions cleaningStale() {
    return withCleanStale(true);
  }

  public RenderOptions withCleanStale(boolean cleanStale) {
    return new RenderOptions(outDir, jobs, check, failOnError, cleanStale);
  }
}
