package dev.rpmoverlay.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ComponentDifferTest {
  private static final Cause BANNER = Cause.synthesized("banner");
  private static final Cause ADD_FILE = Cause.overlay(0, "file-add", "add the config", "");
  private static final Cause UPDATE = Cause.overlay(1, "spec-update-tag", "new source", "azl-platform-adaptation");
  private static final Cause REMOVE = Cause.overlay(2, "spec-remove-subpackage", "no extras", "azl-pruning");
  private static final Cause APPEND = Cause.overlay(3, "spec-append-lines", "install it", "");
  private static final Cause RENAME = Cause.overlay(4, "file-rename", "no @ in names", "");

  /** Upstream spec of 30 numbered lines; line 5 is a tag, 13-15 a sub-package. */
  private static List<String> upstreamSpec() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      lines.add(i == 5 ? "Source1: old@name" : "line " + i);
    }
    return lines;
  }

  /** Rendered: banner on top, line 5 rewritten, 13-15 gone, two lines appended after 25. */
  private static RenderTrace trace() {
    List<String> up = upstreamSpec();
    List<String> out = new ArrayList<>();
    List<LineSource> sources = new ArrayList<>();
    out.add("# banner");
    sources.add(new LineSource.Edited(BANNER));
    out.add("");
    sources.add(new LineSource.Edited(BANNER));
    for (int i = 1; i <= 30; i++) {
      if (i == 5) {
        out.add("Source1: new-name");
        sources.add(new LineSource.Edited(UPDATE));
      } else if (i < 13 || i > 15) {
        out.add(up.get(i - 1));
        sources.add(new LineSource.Upstream(i));
      }
      if (i == 25) {
        out.add("install a");
        out.add("install b");
        sources.add(new LineSource.Edited(APPEND));
        sources.add(new LineSource.Edited(APPEND));
      }
    }
    TreeMap<String, byte[]> upstreamFiles = new TreeMap<>();
    upstreamFiles.put("pkg.spec", text(up));
    upstreamFiles.put("old@name", text(List.of("unit")));
    upstreamFiles.put("unchanged.txt", text(List.of("same")));
    TreeMap<String, byte[]> renderedFiles = new TreeMap<>();
    renderedFiles.put("pkg.spec", text(out));
    renderedFiles.put("new-name", text(List.of("unit")));
    renderedFiles.put("unchanged.txt", text(List.of("same")));
    renderedFiles.put("lumen.conf", text(List.of("a = 1")));
    return new RenderTrace("pkg", upstreamFiles, renderedFiles, "pkg.spec", "pkg.spec", sources,
        Map.of(5, UPDATE, 13, REMOVE, 14, REMOVE, 15, REMOVE), Map.of(),
        Map.of("lumen.conf", List.of(ADD_FILE), "new-name", List.of(RENAME)),
        Map.of("old@name", "new-name"));
  }

  private static byte[] text(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everySpecHunkNamesExactlyTheEditsThatMadeIt() {
    ComponentDiff diff = new ComponentDiffer().diff(trace());

    FileDiff spec = diff.files().stream().filter(f -> f.path().equals("pkg.spec")).findFirst().orElseThrow();
    assertThat(spec.hunks()).extracting(Hunk::causes).containsExactly(
        List.of(UPDATE, BANNER), List.of(REMOVE), List.of(APPEND));
  }

  @Test
  void hunkRangesFollowUnifiedDiffConventions() {
    ComponentDiff diff = new ComponentDiffer().diff(trace());
    FileDiff spec = diff.files().stream().filter(f -> f.path().equals("pkg.spec")).findFirst().orElseThrow();

    assertThat(spec.hunks()).extracting(Hunk::header).containsExactly(
        "@@ -1,8 +1,10 @@", "@@ -10,9 +12,6 @@", "@@ -23,6 +22,8 @@");
  }

  @Test
  void removedLinesAreListedWithTheOverlayThatRemovedThem() {
    ComponentDiff diff = new ComponentDiffer().diff(trace());
    FileDiff spec = diff.files().stream().filter(f -> f.path().equals("pkg.spec")).findFirst().orElseThrow();

    assertThat(spec.hunks().get(1).lines())
        .filteredOn(l -> l.kind() == DiffLine.Kind.REMOVED)
        .extracting(DiffLine::text)
        .containsExactly("line 13", "line 14", "line 15");
  }

  @Test
  void sidecarsAreReportedAsAddedRenamedOrUnchanged() {
    ComponentDiff diff = new ComponentDiffer().diff(trace());

    assertThat(diff.files()).extracting(FileDiff::path, FileDiff::status, FileDiff::causes).containsExactly(
        org.assertj.core.groups.Tuple.tuple("lumen.conf", FileDiff.Status.ADDED, List.of(ADD_FILE)),
        org.assertj.core.groups.Tuple.tuple("new-name", FileDiff.Status.RENAMED, List.of(RENAME)),
        org.assertj.core.groups.Tuple.tuple("pkg.spec", FileDiff.Status.MODIFIED, List.of(UPDATE, REMOVE, APPEND, BANNER)));
  }

  @Test
  void upstreamFilesNoOverlayRemovedAreAttributedToTheFileFilter() {
    RenderTrace t = trace();
    TreeMap<String, byte[]> upstream = new TreeMap<>(t.upstreamFiles());
    upstream.put(".gitignore", text(List.of("/*.tar.gz")));
    RenderTrace withExtra = new RenderTrace(t.component(), upstream, t.renderedFiles(), t.upstreamSpec(), t.renderedSpec(),
        t.specSources(), t.specRemovedBy(), t.sidecarOrigins(), t.fileCauses(), t.renames());

    FileDiff removed = new ComponentDiffer().diff(withExtra).files().get(0);

    assertThat(removed.status()).isEqualTo(FileDiff.Status.REMOVED);
    assertThat(removed.causes()).containsExactly(ComponentDiffer.FILE_FILTER);
  }

  @Test
  void unifiedOutputPutsCausesOnTheHunkHeaderLine() {
    StringWriter s = new StringWriter();
    new UnifiedDiffWriter(new PrintWriter(s, true)).write(new ComponentDiffer().diff(trace()));

    assertThat(s.toString()).contains(
        "@@ -10,9 +12,6 @@ overlay #3 spec-remove-subpackage [azl-pruning]: no extras\n",
        "--- a/pkg/pkg.spec\n+++ b/pkg/pkg.spec\n",
        "# renamed old@name -> new-name: overlay #5 file-rename: no @ in names\n");
  }

  @Test
  void aMissingFinalNewlineUpstreamShowsAsAChangedLastLine() {
    TreeMap<String, byte[]> up = new TreeMap<>(Map.of("p.spec", "a\nb".getBytes(StandardCharsets.UTF_8)));
    TreeMap<String, byte[]> out = new TreeMap<>(Map.of("p.spec", "a\nb\n".getBytes(StandardCharsets.UTF_8)));
    RenderTrace t = new RenderTrace("p", up, out, "p.spec", "p.spec",
        List.of(new LineSource.Upstream(1), new LineSource.Upstream(2)), Map.of(), Map.of(), Map.of(), Map.of());
    StringWriter s = new StringWriter();

    new UnifiedDiffWriter(new PrintWriter(s, true)).write(new ComponentDiffer().diff(t));

    assertThat(s.toString()).endsWith("@@ -1,2 +1,2 @@ synthesized: final-newline\n a\n-b\n\\ No newline at end of file\n+b\n");
  }
}
