package dev.rpmoverlay.render;

/**
 * What happened to one component in a render run.
 *
 * @param outputDir the component's directory, relative to the output root ({@code c/curl})
 * @param error empty when the component rendered
 * @param changed whether the rendered result differs from what the output dir held
 */
public record ComponentResult(String component, String outputDir, Status status, String error, boolean changed, Output output) {

  /** What happened to the component's output dir. */
  public enum Output {
    /** the new output was swapped in */
    WRITTEN("written"),
    /** the output already was what render gives (or the component was up to date and not rendered) */
    UNCHANGED("unchanged"),
    /** render failed; the last good output stays */
    KEPT("previous output kept"),
    /** render failed and there was no previous output: a {@code RENDER_FAILED} marker with the error */
    MARKER("failure marker written"),
    /** nothing was written ({@code --check}, or {@code --fail-on-error} after a failure) */
    NOT_WRITTEN("not written");

    private final String label;

    Output(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A result before the write phase: written if changed, unchanged otherwise. */
  public ComponentResult(String component, String outputDir, Status status, String error, boolean changed) {
    this(component, outputDir, status, error, changed, changed ? Output.WRITTEN : Output.UNCHANGED);
  }

  public ComponentResult withOutput(Output o) {
    return new ComponentResult(component, outputDir, status, error, changed, o);
  }

  public enum Status {
    OK,
    ERROR;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean failed() {
    return status == Status.ERROR;
  }
}
