package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.testing.Components;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderRunTest {
  @TempDir Path tmp;
  Path out;
  List<ComponentConfig> components = new ArrayList<>();

  @BeforeEach
  void makeComponents() throws IOException {
    out = tmp.resolve("specs");
    for (String name : List.of("alpha", "Bravo", "charlie", "delta", "echo", "foxtrot")) {
      Path d = tmp.resolve("src").resolve(name);
      Files.createDirectories(d);
      Files.writeString(d.resolve(name + ".spec"), "Name: " + name + "\nRelease: 1%{?dist}\nSource0: run.sh\n\n%description\nx\n\n%build\nmake\n");
      Files.writeString(d.resolve("run.sh"), "#!/bin/sh\n");
      d.resolve("run.sh").toFile().setExecutable(true);
      components.add(Components.local(name, d, replace("^make$", "make V=1")));
    }
  }

  static Overlay replace(String regex, String replacement) {
    return new Overlay.SpecSearchReplace(new OverlayInfo(0, "verbose", Optional.empty(), SourcePosition.of(Path.of("x.comp.toml"))),
        "%build", "", regex, replacement);
  }

  RenderSummary run(List<ComponentConfig> cs, RenderOptions options, FaultInjector faults) throws IOException {
    ComponentRenderer renderer = new ComponentRenderer(new DirectorySourceTreeProvider(c -> c.spec().path().orElseThrow()), Templates.bundled(), new OverlayEngine(Compat.CURRENT));
    return new RenderRun(renderer, c -> List.of(new dev.rpmoverlay.release.DownstreamCommit("Lock import", "A", "a@example.org", java.time.Instant.EPOCH)), Templates.bundled(), faults)
        .run(cs, cs.stream().map(ComponentConfig::name).collect(Collectors.toSet()), options, r -> {});
  }

  RenderOptions write(int jobs) {
    return RenderOptions.into(out).withJobs(jobs);
  }

  /** Every file under the output dir with its bytes and executable bit. */
  TreeMap<String, String> snapshot() throws IOException {
    TreeMap<String, String> all = new TreeMap<>();
    if (!Files.exists(out)) {
      return all;
    }
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        all.put(out.relativize(p).toString(), (Files.isExecutable(p) ? "x:" : "-:") + Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return all;
  }

  @Test
  void writesEachComponentUnderItsLowerCasedFirstLetterWithModes() throws IOException {
    RenderSummary s = run(components, write(2), FaultInjector.NONE);
    assertThat(s.failures()).isZero();
    assertThat(Files.readString(out.resolve("b/Bravo/Bravo.spec"))).contains("Release: 2%{?dist}").contains("make V=1");
    assertThat(Files.isExecutable(out.resolve("a/alpha/run.sh"))).isTrue();
    assertThat(Files.exists(out.resolve(OutputLayout.STAGING_DIR))).isFalse();
  }

  @Test
  void eachRenderedComponentIsHandedOnWithTheUpstreamFilesItsOneReadGave() throws IOException {
    java.util.Map<String, Integer> reads = new java.util.concurrent.ConcurrentHashMap<>();
    SourceTreeProvider dirs = new DirectorySourceTreeProvider(c -> c.spec().path().orElseThrow());
    SourceTreeProvider counting = c -> {
      reads.merge(c.name(), 1, Integer::sum);
      return dirs.sourceTree(c);
    };
    components.set(2, Components.local("charlie", tmp.resolve("src/charlie"), replace("^no such line$", "x")));
    java.util.Map<String, String> handedOn = new java.util.concurrent.ConcurrentHashMap<>();
    ComponentRenderer renderer = new ComponentRenderer(counting, Templates.bundled(), new OverlayEngine(Compat.CURRENT));

    new RenderRun(renderer, c -> List.of(), Templates.bundled())
        .afterRender((c, inputs, upstream, rendered) -> handedOn.put(c.name(),
            new String(upstream.get(c.name() + ".spec").orElseThrow().content(), StandardCharsets.UTF_8) + "=>"
                + new String(rendered.files().get(c.name() + ".spec").orElseThrow().content(), StandardCharsets.UTF_8)))
        .run(components, Set.of(), write(2), r -> {});

    assertThat(reads).containsOnlyKeys("alpha", "Bravo", "charlie", "delta", "echo", "foxtrot").allSatisfy((name, n) -> assertThat(n).isOne());
    assertThat(handedOn).containsOnlyKeys("alpha", "Bravo", "delta", "echo", "foxtrot"); // charlie failed to render
    assertThat(handedOn.get("delta")).startsWith("Name: delta\n").contains("\nmake\n=>").endsWith("make V=1\n");
  }

  @Test
  void aFailingComponentGetsAMarkerAndDoesNotStopTheOthers() throws IOException {
    components.set(2, Components.local("charlie", tmp.resolve("src/charlie"), replace("^no such line$", "x")));
    RenderSummary s = run(components, write(3), FaultInjector.NONE);
    assertThat(s.failures()).isEqualTo(1);
    assertThat(s.results().stream().filter(ComponentResult::failed).findFirst().orElseThrow().error())
        .isEqualTo("component charlie: overlay #1 (spec-search-replace \"verbose\", x.comp.toml): pattern \"^no such line$\" not found in section %build");
    assertThat(Files.readString(out.resolve("c/charlie/RENDER_FAILED"))).isEqualTo("Rendering failed.\n\ncomponent charlie: overlay #1"
        + " (spec-search-replace \"verbose\", x.comp.toml): pattern \"^no such line$\" not found in section %build\n");
    assertThat(Files.exists(out.resolve("d/delta/delta.spec"))).isTrue();
  }

  @Test
  void aFailingComponentKeepsItsPreviousOutputInsteadOfAMarker() throws IOException {
    run(components, write(2), FaultInjector.NONE);
    TreeMap<String, String> before = snapshot();
    components.set(2, Components.local("charlie", tmp.resolve("src/charlie"), replace("^no such line$", "x")));

    RenderSummary s = run(components, write(2), FaultInjector.NONE);

    assertThat(s.results().get(2).output()).isEqualTo(ComponentResult.Output.KEPT);
    TreeMap<String, String> after = snapshot();
    // the kept output no longer matches charlie's inputs, so the state forgets it and the next render retries it
    String state = after.remove(IncrementalState.FILE_NAME);
    assertThat(state).doesNotContain("charlie").contains("alpha", "delta");
    before.remove(IncrementalState.FILE_NAME);
    assertThat(after).isEqualTo(before);
  }

  @Test
  void failOnErrorAbortsWithThePreviousOutputUntouched() throws IOException {
    run(components, write(2), FaultInjector.NONE);
    TreeMap<String, String> before = snapshot();
    List<ComponentConfig> changed = new ArrayList<>();
    for (ComponentConfig c : components) {
      changed.add(Components.local(c.name(), c.spec().path().orElseThrow(), replace("^make$", "make -j1")));
    }
    changed.set(4, Components.local("echo", tmp.resolve("src/echo"), replace("^missing$", "x")));
    RenderSummary s = run(changed, RenderOptions.into(out).withJobs(2).failingOnError(), FaultInjector.NONE);
    assertThat(s.failures()).isEqualTo(1);
    assertThat(s.wrote()).isFalse();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anExceptionWhileWritingKeepsThatComponentsPreviousOutput() throws IOException {
    run(components, write(2), FaultInjector.NONE);
    TreeMap<String, String> before = snapshot();
    List<ComponentConfig> changed = new ArrayList<>();
    for (ComponentConfig c : components) {
      changed.add(Components.local(c.name(), c.spec().path().orElseThrow(), replace("^make$", "make -j1")));
    }
    FaultInjector diskFull = (component, file) -> {
      if (component.equals("delta") && file.equals("run.sh")) {
        throw new IOException("No space left on device");
      }
    };
    RenderSummary s = run(changed, write(3), diskFull);
    ComponentResult delta = s.results().stream().filter(r -> r.component().equals("delta")).findFirst().orElseThrow();
    assertThat(delta.error()).isEqualTo("component delta: cannot write the rendered files (previous output kept): no space left on device;"
        + " free some space and run again (the previous output is kept)");
    TreeMap<String, String> after = snapshot();
    assertThat(after.subMap("d/", "d0")).isEqualTo(before.subMap("d/", "d0"));
    assertThat(after.get("e/echo/echo.spec")).contains("make -j1");
  }

  @Test
  void checkWritesNothingAndReportsDrift() throws IOException {
    run(components, write(2), FaultInjector.NONE);
    Files.writeString(out.resolve("a/alpha/alpha.spec"), "edited by hand\n");
    TreeMap<String, String> before = snapshot();
    RenderSummary s = run(components, RenderOptions.into(out).withJobs(2).checkOnly(), FaultInjector.NONE);
    assertThat(s.drifted()).extracting(ComponentResult::component).containsExactly("alpha");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void unchangedComponentsAreNotRewritten() throws IOException {
    run(components, write(2), FaultInjector.NONE);
    RenderSummary again = run(components, write(2), FaultInjector.NONE);
    assertThat(again.drifted()).isEmpty();
  }

  @Test
  void cleanStaleRemovesDirsOfNoComponent() throws IOException {
    Files.createDirectories(out.resolve("z/zombie"));
    Files.writeString(out.resolve("z/zombie/zombie.spec"), "Name: zombie\n");
    Files.writeString(out.resolve("README"), "top-level files stay\n");
    RenderSummary s = run(components, RenderOptions.into(out).withJobs(2).cleaningStale(), FaultInjector.NONE);
    assertThat(s.staleDirs()).containsExactly("z/zombie");
    assertThat(Files.exists(out.resolve("z"))).isFalse();
    assertThat(Files.exists(out.resolve("README"))).isTrue();
  }

  @Test
  void cleanStaleRemovesAFailedComponentsDirOfNoComponent() throws IOException {
    Files.createDirectories(out.resolve("g/gone"));
    Files.writeString(out.resolve("g/gone/" + OutputLayout.FAILED_MARKER), "failed\n");
    RenderSummary s = run(components, RenderOptions.into(out).withJobs(2).cleaningStale(), FaultInjector.NONE);
    assertThat(s.staleDirs()).containsExactly("g/gone");
  }

  @Test
  void cleanStaleKeepsDirsRenderDidNotWrite() throws IOException {
    // Issue 18 item 7: an output dir pointed at the wrong place must not lose the files found there.
    Files.createDirectories(out.resolve("a/important"));
    Files.writeString(out.resolve("a/important/data.txt"), "keep me\n");
    Files.createDirectories(out.resolve("x/yankee"));
    Files.writeString(out.resolve("x/yankee/yankee.spec"), "in the wrong letter dir\n");
    Files.createDirectories(out.resolve("o/other"));
    Files.writeString(out.resolve("o/other/notes.spec"), "a spec of another name\n");

    RenderSummary s = run(components, RenderOptions.into(out).withJobs(2).cleaningStale(), FaultInjector.NONE);

    assertThat(s.staleDirs()).isEmpty();
    assertThat(out.resolve("a/important/data.txt")).hasContent("keep me");
    assertThat(out.resolve("x/yankee/yankee.spec")).exists();
    assertThat(out.resolve("o/other/notes.spec")).exists();
  }

  @Test
  void outputIsByteIdenticalWhateverJobsTimeZoneAndLocale() throws IOException {
    run(components, write(1), FaultInjector.NONE);
    TreeMap<String, String> serial = snapshot();
    TimeZone tz = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      Path other = tmp.resolve("specs");
      ComponentOutput.deleteTree(other);
      run(components, write(6), FaultInjector.NONE);
    } finally {
      TimeZone.setDefault(tz);
      Locale.setDefault(locale);
    }
    assertThat(snapshot()).isEqualTo(serial);
  }
}
