package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.model.OverlayInfo;

/**
 * An overlay could not be applied. The message names the component, the overlay (1-based
 * position in the component's resolved overlay list, type and description), what was not found,
 * and where the overlay was declared, e.g.
 * {@code component gdal: overlay #2 (spec-search-replace "Fix tests", base/comps/gdal/gdal.comp.toml:12): pattern "x" not found in section %build}.
 */
public final class OverlayFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String component;
  private final String overlayLabel;
  private final String detail;

  public OverlayFailure(String component, String overlayLabel, String detail) {
    super("component " + component + ": " + overlayLabel + ": " + detail);
    this.component = component;
    this.overlayLabel = overlayLabel;
    this.detail = detail;
  }

  /** How an overlay is named in messages: {@code overlay #3 (type "description", file:line)}. */
  public static String label(OverlayInfo info, String type) {
    String where = info.declaredAt() == null ? "" : ", " + info.declaredAt();
    return "overlay #" + info.number() + " (" + type + " \"" + info.describe() + "\"" + where + ")";
  }

  public String component() {
    return component;
  }

  /** The overlay part of the message (see {@link #label}). */
  public String overlayLabel() {
    return overlayLabel;
  }

  /** What went wrong, without the component and overlay prefix. */
  public String detail() {
    return detail;
  }
}
