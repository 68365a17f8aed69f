package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.BuildConfig;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.DistroRef;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ReleaseCalculation;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.config.model.SpecSource;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.release.DownstreamCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalRenderTest {
  @TempDir Path dir;
  Path out;
  final ConcurrentLinkedQueue<String> rendered = new ConcurrentLinkedQueue<>();
  final Map<String, String> fingerprints = new HashMap<>();
  final List<ComponentConfig> components = new ArrayList<>();
  final Map<String, List<DownstreamCommit>> downstream = new HashMap<>();

  @BeforeEach
  void project() throws IOException {
    out = dir.resolve("out");
    for (String name : List.of("alpha", "beta", "gamma")) {
      Path spec = dir.resolve("specs").resolve(name);
      Files.createDirectories(spec);
      Files.writeString(spec.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1\nRelease: 1\n\n%description\nx\n");
      components.add(new ComponentConfig(name, SourcePosition.of(spec.resolve(name + ".comp.toml")), List.of(),
          new SpecSource("local", Optional.of(spec), DistroRef.NONE, "", ""), ReleaseCalculation.MANUAL,
          BuildConfig.NONE, false, List.of(), List.of()));
      fingerprints.put(name, "fp-" + name);
    }
  }

  RenderSummary render() throws IOException {
    DirectorySourceTreeProvider dirs = DirectorySourceTreeProvider.localOr(dir);
    SourceTreeProvider counting = c -> {
      rendered.add(c.name());
      return dirs.sourceTree(c);
    };
    ComponentRenderer renderer = new ComponentRenderer(counting, Templates.bundled(), new OverlayEngine(Compat.CURRENT));
    RenderRun run = new RenderRun(renderer, c -> downstream.getOrDefault(c.name(), List.of()), Templates.bundled(), FaultInjector.NONE)
        .withInputFingerprints(c -> Optional.ofNullable(fingerprints.get(c.name())));
    rendered.clear();
    return run.run(components, Set.of("alpha", "beta", "gamma"), RenderOptions.into(out).withJobs(2), r -> {});
  }

  @Test
  void aSecondRunWithUnchangedInputsAndOutputRendersNothing() throws IOException {
    render();
    assertThat(rendered).containsExactlyInAnyOrder("alpha", "beta", "gamma");
    RenderSummary second = render();
    assertThat(rendered).isEmpty();
    assertThat(second.drifted()).isEmpty();
    assertThat(out.resolve("a/alpha/alpha.spec")).exists();
  }

  @Test
  void aComponentTheStateHasNoRecordOfIsFingerprintedFromWhatItsRenderReadNotBefore() throws IOException {
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    InputFingerprints recording = new InputFingerprints() {
      @Override
      public Optional<String> apply(ComponentConfig c) {
        asked.add("before " + c.name());
        return Optional.of(fingerprints.get(c.name()));
      }

      @Override
      public Optional<String> afterRead(ComponentConfig c, UpstreamSources read) {
        asked.add("after read " + c.name());
        return Optional.of(fingerprints.get(c.name()));
      }
    };
    ComponentRenderer renderer = new ComponentRenderer(DirectorySourceTreeProvider.localOr(dir), Templates.bundled(), new OverlayEngine(Compat.CURRENT));
    RenderRun run = new RenderRun(renderer, c -> List.of(), Templates.bundled(), FaultInjector.NONE).withInputFingerprints(recording);
    run.run(components, Set.of("alpha", "beta", "gamma"), RenderOptions.into(out).withJobs(2), r -> {});
    assertThat(asked).containsExactlyInAnyOrder("after read alpha", "after read beta", "after read gamma");

    asked.clear();
    fingerprints.put("beta", "fp-beta-2");
    run.run(components, Set.of("alpha", "beta", "gamma"), RenderOptions.into(out).withJobs(2), r -> {});
    assertThat(asked).containsExactlyInAnyOrder("before alpha", "before beta", "before gamma");
  }

  @Test
  void onlyTheComponentWhoseFingerprintChangedIsRenderedAgain() throws IOException {
    render();
    fingerprints.put("beta", "fp-beta-2");
    render();
    assertThat(rendered).containsExactly("beta");
  }

  @Test
  void aChangeInAnyFieldOfADownstreamCommitRendersTheComponentAgain() throws IOException {
    DownstreamCommit base = new DownstreamCommit("Bump", "Ann", "ann@example.org", Instant.EPOCH);
    List<DownstreamCommit> changed = List.of(
        new DownstreamCommit("Bump!", "Ann", "ann@example.org", Instant.EPOCH),
        new DownstreamCommit("Bump", "Anne", "ann@example.org", Instant.EPOCH),
        new DownstreamCommit("Bump", "Ann", "anne@example.org", Instant.EPOCH),
        new DownstreamCommit("Bump", "Ann", "ann@example.org", Instant.EPOCH.plusSeconds(1)));
    for (DownstreamCommit other : changed) {
      downstream.put("beta", List.of(base));
      render();
      render();
      assertThat(rendered).as("unchanged").isEmpty();
      downstream.put("beta", List.of(other));
      render();
      assertThat(rendered).as("after %s", other).containsExactly("beta");
    }
  }

  @Test
  void downstreamCommitsWhoseFieldsRunTogetherAlikeAreStillTwoDifferentInputs() throws IOException {
    downstream.put("beta", List.of(new DownstreamCommit("Bump a", "nn", "ann@example.org", Instant.EPOCH)));
    render();
    downstream.put("beta", List.of(new DownstreamCommit("Bump", " ann", "ann@example.org", Instant.EPOCH)));
    render();
    assertThat(rendered).containsExactly("beta");
  }

  @Test
  void aHandEditedOutputIsRenderedAgainAndRestored() throws IOException {
    render();
    Path spec = out.resolve("g/gamma/gamma.spec");
    String clean = Files.readString(spec);
    Files.writeString(spec, clean + "# edited by hand\n");
    RenderSummary again = render();
    assertThat(rendered).containsExactly("gamma");
    assertThat(again.drifted()).extracting(ComponentResult::component).containsExactly("gamma");
    assertThat(Files.readString(spec)).isEqualTo(clean);
  }

  @Test
  void aDeletedOutputDirIsRenderedAgain() throws IOException {
    render();
    BenchDirs.delete(out.resolve("a/alpha"));
    render();
    assertThat(rendered).containsExactly("alpha");
    assertThat(out.resolve("a/alpha/alpha.spec")).exists();
  }

  @Test
  void componentsWithoutAFingerprintAreAlwaysRendered() throws IOException {
    fingerprints.remove("alpha");
    render();
    render();
    assertThat(rendered).containsExactly("alpha");
  }

  @Test
  void aCorruptStateFileOnlyCostsAFullRender() throws IOException {
    render();
    Files.writeString(out.resolve(IncrementalState.FILE_NAME), "garbage\tline\n\u0000\n");
    RenderSummary again = render();
    assertThat(rendered).containsExactlyInAnyOrder("alpha", "beta", "gamma");
    assertThat(again.drifted()).isEmpty();
  }
}
