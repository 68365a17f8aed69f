package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;

/**
 * One thing wrong (or suspicious) in the configuration, with everything a user needs to find and
 * fix it.
 *
 * @param at the file and position (line/column 0 when unknown)
 * @param component the component concerned, or empty
 * @param overlayNumber the overlay's {@code #N}: its 1-based position in the component's resolved
 *     overlay list (the numbering every command uses), or 0
 * @param overlayDescription the overlay's description ({@code (no description)} when blank)
 * @param message what is wrong
 * @param hint what to do about it, or empty
 */
public record ConfigProblem(
    Severity severity,
    SourcePosition at,
    String component,
    int overlayNumber,
    String overlayDescription,
    String message,
    String hint) {

  /** An error fails the load; a warning is reported and the load goes on. */
  public enum Severity {
    ERROR,
    WARNING;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * {@code file:line:col: error: component 'x', overlay #2 (desc): message} and, when there is a
   * hint, a second line {@code   hint: ...}. Paths inside {@code projectDir} print relative to it.
   */
  public String format(Path projectDir) {
    StringBuilder sb = new StringBuilder();
    sb.append(location(projectDir)).append(": ").append(severity.label()).append(": ");
    if (!component.isEmpty()) {
      sb.append("component '").append(component).append("'");
      if (overlayNumber > 0) {
        sb.append(", overlay #").append(overlayNumber).append(" (").append(overlayDescription).append(")");
      }
      sb.append(": ");
    }
    sb.append(message);
    if (!hint.isEmpty()) {
      sb.append(System.lineSeparator()).append("  hint: ").append(hint);
    }
    return sb.toString();
  }

  private String location(Path projectDir) {
    Path file = at.file();
    String shown = String.valueOf(file);
    if (file != null && projectDir != null && file.isAbsolute() && file.startsWith(projectDir)) {
      shown = projectDir.relativize(file).toString();
    }
    if (at.line() <= 0) {
      return shown;
    }
    return shown + ":" + at.line() + ":" + Math.max(at.column(), 1);
  }
}
