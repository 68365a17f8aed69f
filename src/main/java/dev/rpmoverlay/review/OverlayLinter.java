package dev.rpmoverlay.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayMetadata;
import dev.rpmoverlay.overlay.AddedDuplicates;
import dev.rpmoverlay.overlay.LineOrigin;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.overlay.Workspace;
import dev.rpmoverlay.render.RenderedComponent;
import dev.rpmoverlay.render.SourceTags;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds overlays that do nothing, are undone, duplicate what is already there, leave the spec
 * naming files the component does not ship, match far more than meant, or are past their expiry
 * date. Like {@link TraceBuilder} it replays the overlays one at a time on a copy of the upstream
 * files (without rpmoverlay's own edits, which no overlay can undo) and compares before and after.
 */
public final class OverlayLinter {
  /** A search-replace changing at least this many lines is reported: anchors or a section usually narrow it. */
  public static final int BROAD_REGEX_LINES = 10;

  private final OverlayEngine engine;
  private final LocalDate today;

  /** @param today the date expiry is judged against (injected: tests pin it) */
  public OverlayLinter(OverlayEngine engine, LocalDate today) {
    this.engine = engine;
    this.today = today;
  }

  /** The state of a component's files between two overlays. */
  private record State(List<String> spec, Map<String, TreeFile> files) {
    static State of(Workspace ws) {
      return new State(List.copyOf(ws.spec().lines()), new TreeMap<>(ws.files().files()));
    }

    // written out: generated ones spin method-handle classes at first use (HandWrittenRecordMethodsTest)
    @Override
    public boolean equals(Object o) {
      return o instanceof State s && Objects.equals(spec, s.spec) && Objects.equals(files, s.files);
    }

    @Override
    public int hashCode() {
      return Objects.hash(spec, files);
    }
  }

  /**
   * @param upstream the component's upstream files, as render read them
   * @param rendered the component as render produced it
   */
  public List<LintFinding> lint(ComponentConfig component, SourceTree upstream, RenderedComponent rendered) {
    List<LintFinding> findings = new ArrayList<>();
    List<Overlay> overlays = component.overlays();
    Workspace ws = Workspace.fromTree(component.name(), component.upstreamName(), upstream.copy());
    List<State> states = new ArrayList<>(List.of(State.of(ws))); // states.get(k) = before overlay k
    List<Boolean> reported = new ArrayList<>();
    List<Workspace> snapshots = new ArrayList<>(); // snapshots.get(k) = the workspace before overlay k
    for (Overlay overlay : overlays) {
      State before = states.get(states.size() - 1);
      snapshots.add(copy(ws));
      try {
        engine.apply(ws, overlay);
      } catch (RuntimeException e) {
        break; // render reports the failure; the overlays before it are still linted
      }
      State after = State.of(ws);
      states.add(after);
      if (OverlayEngine.isArchiveOverlay(overlay)) {
        reported.add(true); // changes an archive at prepare-sources, never the rendered files: nothing to compare here
        continue;
      }
      int found = findings.size();
      if (before.equals(after)) {
        findings.add(finding(component, overlay, LintFinding.Kind.NO_EFFECT, "changes nothing (the " + (isSpecOverlay(overlay) ? "spec is" : "files are")
            + " the same with and without it)", "remove it, or fix what it looks for"));
      } else {
        droppedByFileFilter(component, overlay, before, after, rendered, findings);
        duplicates(component, overlay, before, ws, findings);
        broadRegex(component, overlay, before, after, ws, findings);
      }
      reported.add(findings.size() > found);
    }
    for (int k = 0; k < states.size() - 1; k++) {
      if (!reported.get(k)) {
        undoneLater(component, k, states, snapshots.get(k)).ifPresent(findings::add);
      }
    }
    unshippedSources(component, states, rendered, findings);
    for (Overlay overlay : overlays) {
      overlay.info().metadata().flatMap(OverlayMetadata::expires).filter(d -> d.isBefore(today)).ifPresent(d -> findings.add(
          finding(component, overlay, LintFinding.Kind.EXPIRED, "expired on " + d + " (metadata 'expires')",
              "decide: drop the overlay if it is no longer needed, or set a later 'expires' date")));
    }
    findings.sort(Comparator.comparingInt(LintFinding::overlay).thenComparing(f -> f.kind().ordinal()));
    return findings;
  }

  private static boolean isSpecOverlay(Overlay overlay) {
    return overlay.type().startsWith("spec-");
  }

  /** Files the overlay added, changed or renamed into that the rendered component does not ship. */
  private static void droppedByFileFilter(ComponentConfig component, Overlay overlay, State before, State after,
      RenderedComponent rendered, List<LintFinding> findings) {
    if (!before.spec().equals(after.spec())) {
      return; // a spec change is kept; only a files-only effect can vanish in the filter
    }
    List<String> touched = after.files().entrySet().stream()
        .filter(e -> !e.getValue().equals(before.files().get(e.getKey())))
        .map(Map.Entry::getKey).toList();
    if (touched.isEmpty()) {
      return;
    }
    List<String> dropped = touched.stream().filter(p -> !rendered.files().contains(p)).toList();
    if (dropped.size() == touched.size()) {
      findings.add(finding(component, overlay, LintFinding.Kind.UNDONE,
          "undone by the file filter: " + String.join(", ", dropped) + " is not shipped, because the rendered spec does not reference it",
          "reference it from the spec (a Source/Patch tag, or update the tag that names the old file), or remove the overlay"));
    }
  }

  private static void duplicates(ComponentConfig component, Overlay overlay, State before, Workspace ws, List<LintFinding> findings) {
    if (!(overlay instanceof Overlay.SpecAddTag || overlay instanceof Overlay.SpecInsertTag || overlay instanceof Overlay.SpecSetTag
        || overlay instanceof Overlay.SpecAppendLines || overlay instanceof Overlay.SpecPrependLines)) {
      return;
    }
    for (int line : AddedDuplicates.of(before.spec(), ws.spec(), overlay.info().index())) {
      findings.add(finding(component, overlay, LintFinding.Kind.DUPLICATE,
          "adds a line that is already there: \"" + ws.spec().get(line).strip() + "\"",
          "remove the overlay (upstream has the change now), or the line from it"));
    }
  }

  private static void broadRegex(ComponentConfig component, Overlay overlay, State before, State after, Workspace ws, List<LintFinding> findings) {
    String regex;
    int changed = 0;
    if (overlay instanceof Overlay.SpecSearchReplace s) {
      regex = s.regex();
      for (LineOrigin origin : ws.spec().origins()) {
        if (origin instanceof LineOrigin.ByOverlay o && o.index() == overlay.info().index()) {
          changed++;
        }
      }
    } else if (overlay instanceof Overlay.FileSearchReplace f) {
      regex = f.regex();
      for (Map.Entry<String, TreeFile> e : after.files().entrySet()) {
        TreeFile old = before.files().get(e.getKey());
        if (old != null && !old.equals(e.getValue())) {
          changed += changedLines(old, e.getValue());
        }
      }
    } else {
      return;
    }
    if (changed >= BROAD_REGEX_LINES) {
      findings.add(finding(component, overlay, LintFinding.Kind.BROAD_REGEX,
          "regex \"" + regex + "\" changed " + changed + " lines; a fix usually means a few",
          "check the diff; anchor the regex (^...$) or narrow it with 'section'/'package' (or 'file') if it matches more than meant"));
    }
  }

  private static int changedLines(TreeFile before, TreeFile after) {
    List<String> a = List.of(new String(before.content(), StandardCharsets.UTF_8).split("\n", -1));
    List<String> b = List.of(new String(after.content(), StandardCharsets.UTF_8).split("\n", -1));
    int n = 0;
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      n += Math.max(d.getSource().size(), d.getTarget().size());
    }
    return n;
  }

  /**
   * Overlay {@code k} changed something, but a later overlay {@code j} takes it back: either the
   * files after {@code j} are the files before {@code k} (an add and its removal), or the later
   * overlays reach the same files without {@code k} at all (found by replaying them without it
   * beside the real run; a later overlay that fails without {@code k} needs it, so stops that replay).
   */
  private Optional<LintFinding> undoneLater(ComponentConfig component, int k, List<State> states, Workspace beforeK) {
    List<Overlay> overlays = component.overlays();
    // The overlays before k applied to the upstream files: the real run's workspace before k (the
    // same overlays applied the same way), copied rather than replayed, which made lint
    // quadratic in the number of overlays (a third of a one-component render's time, JFR).
    Workspace without = copy(beforeK);
    boolean replaying = true;
    for (int j = k + 1; j < states.size() - 1; j++) {
      Overlay later = overlays.get(j);
      String named = "overlay #" + later.info().number() + " (" + later.type() + " \"" + later.info().describe() + "\")";
      if (states.get(j + 1).equals(states.get(k))) {
        return Optional.of(finding(component, overlays.get(k), LintFinding.Kind.UNDONE,
            "undone by " + named + ": together they change nothing", "remove both overlays"));
      }
      if (replaying) {
        try {
          engine.apply(without, later);
          if (State.of(without).equals(states.get(j + 1))) {
            if (states.get(j).equals(states.get(j + 1))) {
              return Optional.empty(); // overlay j repeats k and changes nothing: j is the one reported (no-effect)
            }
            return Optional.of(finding(component, overlays.get(k), LintFinding.Kind.UNDONE,
                "undone or repeated by " + named + ": the result is the same without this overlay",
                "remove this overlay, or merge the two into one"));
          }
        } catch (RuntimeException e) {
          replaying = false; // overlay j needs overlay k: k is not undone by the replay's measure
        }
      }
    }
    return Optional.empty();
  }

  private static Workspace copy(Workspace ws) {
    return new Workspace(ws.component(), ws.specFileName(), ws.spec().copy(), ws.files().copy());
  }

  /** Source/Patch tags of the rendered spec naming files it does not ship, blamed on the overlay that caused it. */
  private static void unshippedSources(ComponentConfig component, List<State> states, RenderedComponent rendered, List<LintFinding> findings) {
    for (SourceTags.Missing m : SourceTags.unshipped(rendered.spec(), rendered.files())) {
      Optional<Overlay> blamed = Optional.empty();
      if (rendered.spec().origin(m.line()) instanceof LineOrigin.ByOverlay o && o.index() < component.overlays().size()) {
        blamed = Optional.of(component.overlays().get(o.index()));
      } else {
        for (int k = 0; k < states.size() - 1; k++) {
          if (states.get(k).files().containsKey(m.name()) && !states.get(k + 1).files().containsKey(m.name())) {
            blamed = Optional.of(component.overlays().get(k));
            break;
          }
        }
      }
      if (blamed.isEmpty()) {
        continue; // upstream's own tag, not shipped upstream either: not an overlay's doing
      }
      findings.add(finding(component, blamed.get(), LintFinding.Kind.UNSHIPPED_SOURCE,
          "leaves '" + m.tag() + ": " + m.name() + "' (rendered spec line " + (m.line() + 1) + ") naming a file the component does not ship",
          "update the tag to the file's new name (spec-update-tag), remove the tag, or add the file"));
    }
  }

  private static LintFinding finding(ComponentConfig component, Overlay overlay, LintFinding.Kind kind, String message, String hint) {
    return LintFinding.about(component, overlay, kind, message, hint);
  }
}
