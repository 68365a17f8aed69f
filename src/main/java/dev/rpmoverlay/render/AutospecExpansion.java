package dev.rpmoverlay.render;

import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SynthesizedEdit;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.overlay.Workspace;
import dev.rpmoverlay.release.Autospec;
import dev.rpmoverlay.release.AutospecInput;
import dev.rpmoverlay.release.DownstreamCommit;
import dev.rpmoverlay.release.HistoryFacts;
import dev.rpmoverlay.release.IncludeResolver;
import dev.rpmoverlay.release.IncompleteHistoryException;
import dev.rpmoverlay.release.RpmautospecHistoryExtractor;
import dev.rpmoverlay.release.SpecFeatures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Render step 5 for specs that use rpmautospec (DESIGN.md §2): expands {@code %autorelease} and
 * {@code %autochangelog} as {@code process-distgit} would, from the upstream history facts stored
 * in the cache plus the project's downstream changes on top. Lines it writes are attributed to
 * {@link SynthesizedEdit#AUTORELEASE}.
 */
final class AutospecExpansion {
  private static final String CHANGELOG_FILE = "changelog";

  private final Autospec autospec;
  private final OverlayEngine engine;

  AutospecExpansion(Autospec autospec, OverlayEngine engine) {
    this.autospec = autospec;
    this.engine = engine;
  }

  /** Expands the spec of {@code ws} in place; nothing happens when it does not use rpmautospec. */
  void apply(Workspace ws, byte[] historyJson, List<DownstreamCommit> downstream) {
    String specText = ws.spec().render();
    if (!SpecFeatures.detect(specText).needsProcessing()) {
      return;
    }
    HistoryFacts history;
    try {
      history = RpmautospecHistoryExtractor.parse(historyJson);
    } catch (IllegalArgumentException e) {
      throw new RenderException(ws.component(), "the upstream cache's " + RpmautospecHistoryExtractor.FILE_NAME
          + " is damaged (" + e.getMessage() + "); run 'rpmoverlay update " + ws.component() + "' to fetch it again");
    }
    byte[] changelog = ws.files().get(CHANGELOG_FILE).map(TreeFile::content).orElse(null);
    AutospecInput input = new AutospecInput(history, downstream, specText, changelog, includes(ws));
    Optional<String> processed;
    try {
      processed = autospec.run(input).processedSpec();
    } catch (IncompleteHistoryException e) {
      throw new RenderException(ws.component(), "cannot expand %autorelease/%autochangelog: " + e.getMessage());
    }
    processed.ifPresent(text -> engine.synthesizeRewrite(ws, SynthesizedEdit.AUTORELEASE, lines(text)));
  }

  private static IncludeResolver includes(Workspace ws) {
    return path -> ws.files().get(path).map(f -> new String(f.content(), StandardCharsets.UTF_8));
  }

  /** The text's lines, as {@code SpecLines.render()} joins them (each ended by a newline). */
  private static List<String> lines(String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(body.split("\n", -1));
  }
}
