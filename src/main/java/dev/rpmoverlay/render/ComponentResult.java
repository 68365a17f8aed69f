package dev.rpmoverlay.render;

/**
 * What happened to one component in a render run.
 *
 * @param outputDir the component's directory, relative to the output root ({@code c/curl})
 * @param error empty when the component rendered
 * @param changed whether the rendered result differs from what the output dir held
 */
public record ComponentResult(String component, String outputDir, Status status, String error, boolean changed) {

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
