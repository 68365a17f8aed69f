package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import dev.rpmoverlay.overlay.LineOrigin;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SynthesizedEdit;
import dev.rpmoverlay.release.DownstreamCommit;
import dev.rpmoverlay.upstream.DownstreamChange;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component whose cache entry carries rpmautospec history facts (written by hand in the format
 * of docs/release.md and docs/upstream-cache.md) renders with %autorelease/%autochangelog expanded,
 * the downstream changes on top of the upstream history.
 */
class RenderAutospecTest {
  private static final String SPEC = "Name: hello\nVersion: 2.12\nRelease: %autorelease\nSummary: hi\nLicense: MIT\n\n"
      + "%description\nHi.\n\n%files\n/usr/bin/hello\n\n%changelog\n%autochangelog\n";
  private static final String C1 = "1111111111111111111111111111111111111111";
  private static final String C2 = "2222222222222222222222222222222222222222";
  private static final String HISTORY = """
      {
        "format" : 1,
        "spec" : "hello.spec",
        "head" : "%2$s",
        "changelog" : true,
        "commits" : [ {
          "id" : "%2$s",
          "parents" : [ "%1$s" ],
          "tree" : "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "spec-present" : true,
          "version" : { "epoch-version" : "2.12" },
          "author" : "Robin Rebuilder",
          "email" : "robin@fedora.example",
          "committed" : "2026-01-16T09:15:00Z",
          "message" : "Rebuild for Fedora 43\\n"
        }, {
          "id" : "%1$s",
          "parents" : [ ],
          "tree" : "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
          "spec-present" : true,
          "version" : { "epoch-version" : "2.12" },
          "author" : "Dana Packager",
          "email" : "dana@fedora.example",
          "committed" : "2025-11-18T10:00:00Z",
          "message" : "Update to 2.12\\n"
        } ]
      }
      """.formatted(C1, C2);

  @TempDir Path tmp;
  private UpstreamCache cache;

  @BeforeEach
  void writeCacheEntry() throws Exception {
    Path files = Files.createDirectories(tmp.resolve("upstream-cache/hello/files"));
    Files.writeString(files.resolve("hello.spec"), SPEC);
    Files.writeString(files.resolveSibling("history.json"), HISTORY);
    Files.writeString(files.resolveSibling("upstream.toml"), """
        format = 1
        component = "hello"
        upstream-name = "hello"
        url = "https://src.fedoraproject.org/rpms/hello.git"
        branch = "f43"
        commit = "%s"
        commit-time = "2026-01-16T09:15:00Z"
        history = "history.json"
        history-sha256 = "%s"

        [[file]]
        path = "hello.spec"
        mode = "100644"
        sha256 = "%s"
        """.formatted(C2, Hashing.sha256().hashString(HISTORY, StandardCharsets.UTF_8),
            Hashing.sha256().hashString(SPEC, StandardCharsets.UTF_8)));
    cache = UpstreamCache.open(tmp.resolve("upstream-cache"));
  }

  private RenderedComponent render(ReleaseCalculation mode, List<DownstreamCommit> downstream) {
    ComponentConfig hello = new ComponentConfig("hello", SourcePosition.of(tmp.resolve("hello.comp.toml")), List.of(),
        new SpecSource("upstream", Optional.empty(), new DistroRef("fedora", "43", ""), "", ""), mode,
        BuildConfig.NONE, false, List.of(), List.of());
    return new ComponentRenderer(new UpstreamCacheSourceTreeProvider(cache), Templates.bundled(), new OverlayEngine(Compat.CURRENT))
        .render(hello, downstream);
  }

  private static String spec(RenderedComponent out) {
    return new String(out.files().get("hello.spec").orElseThrow().content(), StandardCharsets.UTF_8);
  }

  private static DownstreamCommit lockImport() {
    return LockHistoryBumps.commit(new DownstreamChange("cafe0000cafe0000cafe0000cafe0000cafe0000", "Lumen Releng",
        "releng@lumen.example.org", Instant.parse("2026-02-24T12:00:00Z"), "Lumen 1: import hello", "Lumen 1: import hello\n", C2));
  }

  @Test
  void theDownstreamChangeCountsAsOneMoreCommitInTheAutoreleaseBlock() {
    String spec = spec(render(ReleaseCalculation.AUTO, List.of(lockImport())));

    assertThat(spec).startsWith("## START: Set by rpmautospec\n## (rpmautospec version 0.8.5)\n"
        + "## RPMAUTOSPEC: autorelease, autochangelog\n%define autorelease(e:s:pb:n) %{?-p:0.}%{lua:\n"
        + "    release_number = 3;\n");
    assertThat(spec).contains("Release: %autorelease\n");
  }

  @Test
  void theChangelogHasTheDownstreamEntryAboveTheUpstreamOnes() {
    String spec = spec(render(ReleaseCalculation.AUTO, List.of(lockImport())));

    assertThat(spec).endsWith("%changelog\n## START: Generated by rpmautospec\n"
        + "* Tue Feb 24 2026 Lumen Releng <releng@lumen.example.org> - 2.12-3\n- Lumen 1: import hello\n\n"
        + "* Fri Jan 16 2026 Robin Rebuilder <robin@fedora.example> - 2.12-2\n- Rebuild for Fedora 43\n\n"
        + "* Tue Nov 18 2025 Dana Packager <dana@fedora.example> - 2.12-1\n- Update to 2.12\n"
        + "## END: Generated by rpmautospec\n");
    assertThat(spec).doesNotContain("%autochangelog").doesNotContain("Project commit");
  }

  @Test
  void withoutDownstreamChangesTheUpstreamHeadsReleaseIsKept() {
    String spec = spec(render(ReleaseCalculation.AUTO, List.of()));

    assertThat(spec).contains("    release_number = 2;\n").contains("- 2.12-2\n- Rebuild for Fedora 43\n");
  }

  @Test
  void onlyTheInsertedLinesAreAttributedToTheAutoreleaseEdit() {
    RenderedComponent out = render(ReleaseCalculation.AUTO, List.of(lockImport()));
    List<String> lines = out.spec().lines();
    List<LineOrigin> origins = out.spec().origins();

    assertThat(origins.get(0)).isEqualTo(new LineOrigin.Synthesized(SynthesizedEdit.AUTORELEASE));
    assertThat(origins.get(lines.indexOf("## START: Generated by rpmautospec")))
        .isEqualTo(new LineOrigin.Synthesized(SynthesizedEdit.AUTORELEASE));
    assertThat(origins.get(lines.indexOf("Version: 2.12"))).isEqualTo(new LineOrigin.Upstream(2));
    assertThat(origins.get(lines.indexOf("%changelog"))).isEqualTo(new LineOrigin.Upstream(13));
  }

  @Test
  void manualReleaseLeavesTheSpecAsUpstreamWroteIt() {
    String spec = spec(render(ReleaseCalculation.MANUAL, List.of(lockImport())));

    assertThat(spec).doesNotContain("rpmautospec").contains("%changelog\n%autochangelog\n");
  }
}
