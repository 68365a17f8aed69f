package dev.rpmoverlay.review;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.SourcePosition;
import java.util.Optional;

/**
 * One thing {@code lint} found about an overlay.
 *
 * @param component the component
 * @param overlay the overlay's {@code #N} (1-based, as every command numbers it), 0 when none is to blame
 * @param overlayType its type, empty when {@code overlay} is 0
 * @param description its description, empty when {@code overlay} is 0
 * @param at where the overlay is declared (the component's declaration when {@code overlay} is 0)
 * @param kind what was found
 * @param message what is wrong, in one sentence
 * @param hint what to do about it
 */
public record LintFinding(
    String component, int overlay, String overlayType, String description, SourcePosition at, Kind kind, String message, String hint) {

  /** A finding about {@code overlay} of {@code component}: what names and places it taken from the overlay's config. */
  public static LintFinding about(ComponentConfig component, Overlay overlay, Kind kind, String message, String hint) {
    return new LintFinding(component.name(), overlay.info().number(), overlay.type(), overlay.info().describe(),
        overlay.info().declaredAt(), kind, message, hint);
  }

  /** {@code file:line:col} of the overlay, relative to {@code projectDir} when inside it. */
  public String location(java.nio.file.Path projectDir) {
    java.nio.file.Path file = at.file();
    if (file == null) {
      return "";
    }
    String shown = projectDir != null && file.isAbsolute() && file.startsWith(projectDir) ? projectDir.relativize(file).toString() : file.toString();
    return at.line() > 0 ? shown + ":" + at.line() + ":" + Math.max(1, at.column()) : shown;
  }

  /**
   * {@code file:line:col: warning: component 'x', overlay #N (type "description"): message} and a
   * second line {@code   hint: ...}, the shape of configuration problems.
   */
  public String format(java.nio.file.Path projectDir) {
    StringBuilder sb = new StringBuilder();
    String where = location(projectDir);
    if (!where.isEmpty()) {
      sb.append(where).append(": ");
    }
    sb.append("warning: component '").append(component).append("'");
    if (overlay > 0) {
      sb.append(", overlay #").append(overlay).append(" (").append(overlayType).append(" \"").append(description).append("\")");
    }
    sb.append(": [").append(kind.id()).append("] ").append(message);
    sb.append(System.lineSeparator()).append("  hint: ").append(hint);
    return sb.toString();
  }

  /** The finding as an ordered map for {@code -O json}. */
  public java.util.Map<String, Object> toJson(java.nio.file.Path projectDir) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("component", component);
    m.put("overlay", overlay);
    m.put("type", overlayType);
    m.put("description", description);
    m.put("declaredAt", location(projectDir));
    m.put("kind", kind.id());
    m.put("message", message);
    m.put("hint", hint);
    return m;
  }

  /** The kinds of finding, each with the name text and JSON output use. */
  public enum Kind {
    NO_EFFECT("no-effect"),
    UNDONE("undone"),
    DUPLICATE("duplicate"),
    UNSHIPPED_SOURCE("unshipped-source"),
    BROAD_REGEX("broad-regex"),
    EXPIRED("expired");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** The kind whose {@link #id} is {@code id}. */
    public static Optional<Kind> of(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }
}
