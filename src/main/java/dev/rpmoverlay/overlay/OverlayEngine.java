package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.DoublestarGlob;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.spec.TagLine;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies overlays to a {@link Workspace} with azldev's semantics, one at a time and in place
 * (docs/azldev-compatibility.md §2.1): a failure leaves earlier overlays' edits in place and throws an
 * {@link OverlayFailure}; the caller decides that the component failed. After every spec edit the
 * spec is re-split into lines, so text with {@code \n} inserted by one overlay is several lines for
 * the next. Every line an overlay writes is attributed to it.
 */
public final class OverlayEngine {
  private final Compat compat;

  public OverlayEngine(Compat compat) {
    this.compat = compat;
  }

  public Compat compat() {
    return compat;
  }

  /** Applies one user overlay. */
  public void apply(Workspace ws, Overlay overlay) {
    String label = OverlayFailure.label(overlay.info(), overlay.type());
    LineOrigin origin = new LineOrigin.ByOverlay(overlay.info().index(), overlay.type(), overlay.info().description());
    SpecEditor spec = new SpecEditor(ws.spec(), origin);
    FileOverlayApplier files = new FileOverlayApplier(ws.files(), detail -> new OverlayFailure(ws.component(), label, detail));
    try {
      applyTo(spec, files, overlay);
    } catch (SpecEditException e) {
      throw new OverlayFailure(ws.component(), label, e.getMessage());
    } finally {
      ws.spec().splitEmbeddedNewlines();
    }
  }

  private void applyTo(SpecEditor spec, FileOverlayApplier files, Overlay overlay) throws SpecEditException {
    if (overlay instanceof Overlay.SpecAddTag o) {
      spec.addTag(o.pkg(), o.tag(), o.value());
    } else if (overlay instanceof Overlay.SpecInsertTag o) {
      spec.insertTag(o.pkg(), o.tag(), o.value());
    } else if (overlay instanceof Overlay.SpecSetTag o) {
      spec.setTag(o.pkg(), o.tag(), o.value());
    } else if (overlay instanceof Overlay.SpecUpdateTag o) {
      spec.updateTag(o.pkg(), o.tag(), o.value());
    } else if (overlay instanceof Overlay.SpecRemoveTag o) {
      spec.removeTag(o.pkg(), o.tag(), o.value());
    } else if (overlay instanceof Overlay.SpecPrependLines o) {
      spec.prependLines(o.section(), o.pkg(), o.lines());
    } else if (overlay instanceof Overlay.SpecAppendLines o) {
      appendLines(spec, o);
    } else if (overlay instanceof Overlay.SpecSearchReplace o) {
      spec.searchReplace(o.section(), o.pkg(), regex(o.regex()), o.regex(), o.replacement());
    } else if (overlay instanceof Overlay.SpecRemoveSection o) {
      spec.removeSection(o.section(), o.pkg(), compat.balanceConditionalsOnRemove());
    } else if (overlay instanceof Overlay.SpecRemoveSubpackage o) {
      spec.removeSubpackage(o.pkg(), compat.balanceConditionalsOnRemove());
    } else if (overlay instanceof Overlay.PatchAdd o) {
      String dest = o.file().isEmpty() ? Path.of(o.source()).getFileName().toString() : o.file();
      if (dest.endsWith(".spec")) {
        throw new SpecEditException("destination '" + dest + "' is a spec file; patch-add only adds patches");
      }
      if (files.exists(dest)) {
        throw new SpecEditException("destination '" + dest + "' already exists");
      }
      spec.addPatch(o.pkg(), dest);
      files.add(o.info(), dest, o.source());
    } else if (overlay instanceof Overlay.PatchRemove o) {
      DoublestarGlob glob = glob(o.file());
      if (spec.removePatches(glob) == 0) {
        throw new SpecEditException("no Patch tag or %patchlist entry matches '" + o.file() + "'");
      }
      files.removePatchFiles(o.file());
    } else if (isArchiveOverlay(overlay)) {
      return; // render has no tarballs: azldev skips archive overlays here too (they apply at source prep)
    } else {
      files.apply(overlay);
    }
  }

  /**
   * Applies an archive overlay to the files of its extracted archive, keyed by path from the
   * extraction root (docs/azldev-compatibility.md §2.2): the same glob and regex rules as on loose
   * files. {@code prepare-sources} calls this; render skips archive overlays.
   *
   * @throws OverlayFailure naming the overlay and the archive when nothing matched or changed
   */
  public void applyInArchive(String component, SourceTree archiveFiles, Overlay overlay) {
    if (!isArchiveOverlay(overlay)) {
      throw new IllegalArgumentException("not an archive overlay: " + overlay.type());
    }
    String label = OverlayFailure.label(overlay.info(), overlay.type());
    String archive = overlay instanceof Overlay.FileSearchReplace o ? o.archive().orElseThrow()
        : ((Overlay.FileRemove) overlay).archive().orElseThrow();
    new FileOverlayApplier(archiveFiles, detail -> new OverlayFailure(component, label, detail + " inside archive '" + archive + "'"))
        .apply(overlay);
  }

  /** {@code file-search-replace}/{@code file-remove} scoped to an archive's content. */
  public static boolean isArchiveOverlay(Overlay overlay) {
    return (overlay instanceof Overlay.FileSearchReplace o && o.archive().isPresent())
        || (overlay instanceof Overlay.FileRemove r && r.archive().isPresent());
  }

  private void appendLines(SpecEditor spec, Overlay.SpecAppendLines o) throws SpecEditException {
    if (o.section().isEmpty() && o.pkg().isEmpty() && !compat.sectionlessAppendEndsPreamble()) {
      spec.appendLinesAtEnd(o.lines());
    } else {
      spec.appendLines(o.section(), o.pkg(), o.lines());
    }
  }

  private static Re2 regex(String regex) throws SpecEditException {
    try {
      return Re2.compile(regex);
    } catch (IllegalArgumentException e) {
      throw new SpecEditException(e.getMessage());
    }
  }

  private static DoublestarGlob glob(String glob) throws SpecEditException {
    try {
      return DoublestarGlob.compile(glob);
    } catch (IllegalArgumentException e) {
      throw new SpecEditException(e.getMessage());
    }
  }

  // --- edits render makes on its own (docs/azldev-compatibility.md §2.7) ---

  /** Prepends lines to a section ({@code ""} = top of file), attributed to {@code edit}. */
  public void synthesizePrepend(Workspace ws, SynthesizedEdit edit, String section, List<String> lines) {
    synthesize(ws, edit, spec -> spec.prependLines(section, "", lines));
  }

  /** Inserts a main-package tag after its family, attributed to {@code edit}. */
  public void synthesizeInsertTag(Workspace ws, SynthesizedEdit edit, String tag, String value) {
    synthesize(ws, edit, spec -> spec.insertTag("", tag, value));
  }

  /** Rewrites every main-package {@code tag} line, attributed to {@code edit}. */
  public void synthesizeUpdateTag(Workspace ws, SynthesizedEdit edit, String tag, String value) {
    synthesize(ws, edit, spec -> spec.updateTag("", tag, value));
  }

  /**
   * Makes the spec read {@code newLines}: lines that differ are replaced and attributed to {@code
   * edit}, the others keep their origin (so an rpmautospec expansion attributes only its blocks).
   */
  public void synthesizeRewrite(Workspace ws, SynthesizedEdit edit, List<String> newLines) {
    SpecLines spec = ws.spec();
    List<com.github.difflib.patch.AbstractDelta<String>> deltas =
        com.github.difflib.DiffUtils.diff(new java.util.ArrayList<>(spec.lines()), newLines).getDeltas();
    LineOrigin origin = new LineOrigin.Synthesized(edit);
    // from the end, so earlier positions stay valid
    for (int i = deltas.size() - 1; i >= 0; i--) {
      var delta = deltas.get(i);
      int at = delta.getSource().getPosition();
      spec.removeRange(at, at + delta.getSource().size());
      if (!delta.getTarget().getLines().isEmpty()) {
        spec.insert(at, delta.getTarget().getLines(), origin);
      }
    }
  }

  /** The value of the last main-package {@code tag} line (case-insensitive name), if any. */
  public static java.util.Optional<String> lastTagValue(SpecLines spec, String tag) {
    return java.util.Optional.ofNullable(spec.document().structure().lastTag("", t -> t.isNamed(tag))).map(TagLine::value);
  }

  private interface SpecEdit {
    void apply(SpecEditor editor) throws SpecEditException;
  }

  private void synthesize(Workspace ws, SynthesizedEdit edit, SpecEdit change) {
    try {
      change.apply(new SpecEditor(ws.spec(), new LineOrigin.Synthesized(edit)));
    } catch (SpecEditException e) {
      throw new OverlayFailure(ws.component(), "synthesized " + edit.label(), e.getMessage());
    } finally {
      ws.spec().splitEmbeddedNewlines();
    }
  }
}
