package dev.rpmoverlay.review;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayMetadata;
import dev.rpmoverlay.config.model.SourcePosition;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One overlay in the distro-wide inventory.
 *
 * @param number the overlay's {@code #N}
 * @param category metadata category, empty without metadata
 * @param upstreamStatus metadata upstream-status, empty without metadata
 * @param bugs metadata bug URLs
 * @param expires metadata {@code expires} date, if set
 * @param linesChanged added plus removed lines of the diff hunks attributed to this overlay (a hunk
 *     shared by several overlays counts for each), or -1 when the component could not be rendered
 */
public record OverlayRow(
    String component, int number, String type, String category, String upstreamStatus, List<String> bugs,
    Optional<LocalDate> expires, String description, SourcePosition declaredAt, long linesChanged) {

  public OverlayRow {
    bugs = List.copyOf(bugs);
  }

  /** The rows of a component's overlays; {@code diff} (empty when it could not be rendered) gives the line counts. */
  public static List<OverlayRow> of(ComponentConfig component, Optional<ComponentDiff> diff) {
    return component.overlays().stream().map(o -> row(component.name(), o, diff)).toList();
  }

  private static OverlayRow row(String component, Overlay o, Optional<ComponentDiff> diff) {
    Optional<OverlayMetadata> m = o.info().metadata();
    long lines = diff.map(d -> linesOf(d, o.info().index())).orElse(-1L);
    return new OverlayRow(component, o.info().number(), o.type(), m.map(OverlayMetadata::category).orElse(""),
        m.map(OverlayMetadata::upstreamStatus).orElse(""), m.map(OverlayMetadata::bugs).orElse(List.of()),
        m.flatMap(OverlayMetadata::expires), o.info().description(), o.info().declaredAt(), lines);
  }

  private static long linesOf(ComponentDiff diff, int index) {
    long n = 0;
    for (FileDiff f : diff.files()) {
      for (Hunk h : f.hunks()) {
        if (h.causes().stream().anyMatch(c -> c.isOverlay() && c.overlayIndex() == index)) {
          n += h.added() + h.removed();
        }
      }
    }
    return n;
  }

  public boolean expiredOn(LocalDate day) {
    return expires.map(d -> d.isBefore(day)).orElse(false);
  }
}
