package dev.rpmoverlay.review;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code diff --no-synthesized}: leaves out what rpmoverlay changed by itself (banner, release bump,
 * {@code %autorelease} expansion, file filter, ...), so that only what overlays did remains. A hunk
 * is dropped when none of its causes is an overlay; a hunk mixing both is kept whole (its lines
 * cannot be split without breaking the patch). A file with nothing left goes, and so does a
 * component.
 */
public final class SynthesizedFilter {
  private SynthesizedFilter() {}

  public static List<ComponentDiff> overlaysOnly(List<ComponentDiff> diffs) {
    List<ComponentDiff> out = new ArrayList<>();
    for (ComponentDiff d : diffs) {
      List<FileDiff> files = new ArrayList<>();
      for (FileDiff f : d.files()) {
        List<Hunk> hunks = f.hunks().stream().filter(h -> h.causes().stream().anyMatch(Cause::isOverlay)).toList();
        List<Cause> causes = f.causes().stream().filter(Cause::isOverlay).toList();
        if (!causes.isEmpty() && (!hunks.isEmpty() || f.hunks().isEmpty())) {
          files.add(new FileDiff(f.upstreamPath(), f.renderedPath(), f.status(), f.binary(), hunks, causes));
        }
      }
      if (!files.isEmpty()) {
        out.add(new ComponentDiff(d.component(), files));
      }
    }
    return out;
  }
}
