package dev.rpmoverlay.render;

/** A component could not be rendered; the message names the component and says what to fix. */
public final class RenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String component;

  public RenderException(String component, String detail) {
    super("component " + component + ": " + detail);
    this.component = component;
  }

  public RenderException(String component, String detail, Throwable cause) {
    super("component " + component + ": " + detail, cause);
    this.component = component;
  }

  public String component() {
    return component;
  }
}
