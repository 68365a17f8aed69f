package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache entry written by hand from docs/upstream-cache.md renders like any fetched one. */
class RenderFromHandWrittenCacheTest {

  /** upstream.toml's top-level keys, as docs/upstream-cache.md describes them. */
  static final String ENTRY_HEADER = """
        format = 1
        component = "hello"
        upstream-name = "hello"
        url = "https://src.fedoraproject.org/rpms/hello.git"
        branch = "f43"
        commit = "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123"
        commit-time = "2026-02-20T10:00:00Z"
        """.stripTrailing();

  @TempDir Path tmp;

  /** A manually released upstream component "hello" with these overlays. */
  private ComponentConfig hello(List<Overlay> overlays) {
    return new ComponentConfig("hello", SourcePosition.of(tmp.resolve("hello.comp.toml")), List.of(),
        new SpecSource("upstream", Optional.empty(), new DistroRef("fedora", "43", ""), "", ""), ReleaseCalculation.MANUAL,
        BuildConfig.NONE, false, List.of(), overlays);
  }

  private ComponentRenderer renderer() {
    return new ComponentRenderer(new UpstreamCacheSourceTreeProvider(UpstreamCache.open(tmp.resolve("upstream-cache"))),
        Templates.bundled(), new OverlayEngine(Compat.CURRENT));
  }

  static String sha256(String s) {
    return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString();
  }

  @Test
  void aHandWrittenEntryRendersWithOverlaysAndKeepsTheExecutableBit() throws Exception {
    String spec = "Name: hello\nVersion: 2.12\nRelease: 1%{?dist}\nSummary: hi\nLicense: MIT\nSource0: hello.tar.gz\n"
        + "Source1: run.sh\n\n%description\nHi.\n\n%files\n/usr/bin/hello\n";
    String script = "#!/bin/sh\nexit 0\n";
    Path entry = Files.createDirectories(tmp.resolve("upstream-cache/hello/files"));
    Files.writeString(entry.resolve("hello.spec"), spec);
    Files.writeString(entry.resolve("run.sh"), script);
    Files.writeString(entry.resolve("README.md"), "dist-git readme\n");
    Files.writeString(entry.resolveSibling("upstream.toml"), ENTRY_HEADER + """

        [[file]]
        path = "README.md"
        mode = "100644"
        sha256 = "%s"

        [[file]]
        path = "hello.spec"
        mode = "100644"
        sha256 = "%s"

        [[file]]
        path = "run.sh"
        mode = "100755"
        sha256 = "%s"
        """.formatted(sha256("dist-git readme\n"), sha256(spec), sha256(script)));

    Path toml = tmp.resolve("hello.comp.toml");
    Overlay addTag = new Overlay.SpecAddTag(new OverlayInfo(0, "needs gettext", Optional.empty(), new SourcePosition(toml, 3, 1)),
        "BuildRequires", "gettext", "");
    RenderedComponent out = renderer().render(hello(List.of(addTag)), 0);

    String rendered = new String(out.files().get("hello.spec").orElseThrow().content(), StandardCharsets.UTF_8);
    assertThat(rendered).contains("BuildRequires: gettext\n").contains("Version: 2.12\n");
    assertThat(out.files().get("run.sh").orElseThrow().executable()).isTrue();
    assertThat(out.files().contains("README.md")).isFalse();
  }

  @Test
  void everyRenderVerifiesTheCachedFilesSoATamperedOneFailsTheComponent() throws Exception {
    String spec = "Name: hello\nVersion: 2.12\nRelease: 1%{?dist}\nSummary: hi\nLicense: MIT\n\n%description\nHi.\n";
    Path entry = Files.createDirectories(tmp.resolve("upstream-cache/hello/files"));
    Files.writeString(entry.resolve("hello.spec"), spec);
    Files.writeString(entry.resolveSibling("upstream.toml"), ENTRY_HEADER + """

        [[file]]
        path = "hello.spec"
        mode = "100644"
        sha256 = "%s"
        """.formatted(sha256(spec)));
    ComponentConfig hello = hello(List.of());
    ComponentRenderer renderer = renderer();
    assertThat(renderer.render(hello, 0).files().contains("hello.spec")).isTrue();

    Files.writeString(entry.resolve("hello.spec"), spec.replace("MIT", "Proprietary"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render(hello, 0))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("upstream cache entry for component 'hello' is corrupt: files/hello.spec has SHA-256");
  }
}
