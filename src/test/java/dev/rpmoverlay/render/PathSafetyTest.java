package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.ConfigException;
import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.SourcePosition;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.OverlayFailure;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.overlay.Workspace;
import dev.rpmoverlay.upstream.CacheEntryWriter;
import dev.rpmoverlay.bench.InMemoryDistGit;
import dev.rpmoverlay.upstream.LookasideDownloader;
import dev.rpmoverlay.upstream.RetryPolicy;
import dev.rpmoverlay.upstream.SourcesFile;
import dev.rpmoverlay.upstream.UpstreamCache;
import dev.rpmoverlay.upstream.UpstreamCoordinates;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a project or its upstream content names can make rpmoverlay read or write outside the
 * component's source tree, the project, or the output dir: {@code ..}, absolute paths and symbolic
 * links are refused with a clear message.
 */
class PathSafetyTest {
  @TempDir Path dir;

  static final byte[] SPEC = "Name: demo\nVersion: 1\nRelease: 1\nSummary: x\nLicense: MIT\n\n%description\nx\n".getBytes(StandardCharsets.UTF_8);

  Path secret() throws IOException {
    Path outside = dir.resolve("outside");
    Files.createDirectories(outside);
    Path secret = outside.resolve("secret.txt");
    Files.writeString(secret, "secret\n");
    return secret;
  }

  // --- upstream cache -----------------------------------------------------------------------

  UpstreamCache cacheWithEntry(Map<String, byte[]> files) throws IOException {
    UpstreamCache cache = UpstreamCache.open(dir.resolve("project/upstream-cache"));
    try (InMemoryDistGit git = new InMemoryDistGit()) {
      var commit = git.commit(files, Set.of(), Instant.parse("2026-02-24T00:00:00Z"));
      new CacheEntryWriter(cache, Optional.empty()).write(git.repository(),
          new UpstreamCoordinates("demo", "demo", "file:///nowhere/demo.git", "f43", "", ""), commit);
    }
    return cache;
  }

  @Test
  void aCacheFileReplacedByASymlinkToAFileWithTheSameBytesIsNotRead() throws IOException {
    Path secret = secret();
    UpstreamCache cache = cacheWithEntry(Map.of("demo.spec", SPEC, "notes.txt", Files.readAllBytes(secret)));
    Path listed = cache.entryDir("demo").resolve("files/notes.txt");
    Files.delete(listed);
    Files.createSymbolicLink(listed, secret);

    assertThatThrownBy(() -> cache.entry("demo"))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("files/notes.txt")
        .hasMessageContaining("symbolic link");
  }

  @Test
  void aSymlinkedDirectoryInsideACacheEntryIsNotFollowed() throws IOException {
    Path secret = secret();
    UpstreamCache cache = cacheWithEntry(Map.of("demo.spec", SPEC, "sub/secret.txt", Files.readAllBytes(secret)));
    Path sub = cache.entryDir("demo").resolve("files/sub");
    Files.delete(sub.resolve("secret.txt"));
    Files.delete(sub);
    Files.createSymbolicLink(sub, secret.getParent());

    assertThatThrownBy(() -> cache.entry("demo")).isInstanceOf(UpstreamException.class).hasMessageContaining("symbolic link");
  }

  @Test
  void aFilesDirReplacedByASymlinkToACopyOfItIsNotFollowed() throws IOException {
    UpstreamCache cache = cacheWithEntry(Map.of("demo.spec", SPEC));
    Path files = cache.entryDir("demo").resolve("files");
    Path copy = Files.createDirectories(dir.resolve("elsewhere/files"));
    Files.move(files.resolve("demo.spec"), copy.resolve("demo.spec"));
    Files.delete(files);
    Files.createSymbolicLink(files, copy);

    assertThatThrownBy(() -> cache.entry("demo")).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("files/demo.spec").hasMessageContaining("symbolic link");
  }

  @Test
  void anEntryDirThatIsASymlinkIsNotFollowed() throws IOException {
    UpstreamCache cache = cacheWithEntry(Map.of("demo.spec", SPEC));
    Path entry = cache.entryDir("demo");
    Path moved = dir.resolve("elsewhere-entry");
    Files.move(entry, moved);
    Files.createSymbolicLink(entry, moved);

    assertThatThrownBy(() -> cache.entry("demo")).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("files/demo.spec").hasMessageContaining("symbolic link");
  }

  @Test
  void anUnlistedSymlinkToAFileInsideTheEntryIsReportedAsNotListed() throws IOException {
    UpstreamCache cache = cacheWithEntry(Map.of("demo.spec", SPEC));
    Path files = cache.entryDir("demo").resolve("files");
    Files.createSymbolicLink(files.resolve("extra.spec"), files.resolve("demo.spec"));

    assertThatThrownBy(() -> cache.entry("demo")).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("files/extra.spec is not listed");
  }

  @Test
  void unsafeComponentNamesHaveNoCacheEntryOrLockPath() {
    UpstreamCache cache = UpstreamCache.open(dir.resolve("cache"));
    for (String name : List.of("..", "../escape", "a/b", "/abs", ".hidden")) {
      assertThatThrownBy(() -> cache.entryDir(name)).as(name).isInstanceOf(UpstreamException.class);
    }
  }

  @Test
  void archiveNamesInASourcesFileCannotLeaveTheDownloadDir() throws IOException {
    SourcesFile sources = SourcesFile.parse("SHA512 (../../escape.tar.gz) = " + "0".repeat(128) + "\n", "sources");
    Path downloads = dir.resolve("downloads/demo");
    LookasideDownloader downloader = new LookasideDownloader(e -> "http://127.0.0.1:9/" + e.filename(), RetryPolicy.of(0));
    assertThatThrownBy(() -> downloader.downloadAll("demo", sources, downloads))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("unsafe file name '../../escape.tar.gz'");
    assertThat(dir.resolve("escape.tar.gz")).doesNotExist();
  }

  // --- overlays -----------------------------------------------------------------------------

  Workspace workspace() {
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", new TreeFile(SPEC, false));
    tree.put("demo.conf", new TreeFile("x\n".getBytes(StandardCharsets.UTF_8), false));
    return Workspace.fromTree("demo", "demo", tree);
  }

  OverlayInfo info(Path declaredIn) {
    return new OverlayInfo(0, "test", Optional.empty(), SourcePosition.of(declaredIn));
  }

  @Test
  void fileAddDestinationsOutsideTheComponentAreRefused() throws IOException {
    Path comp = dir.resolve("project/comps/demo");
    Files.createDirectories(comp);
    Files.writeString(comp.resolve("extra.conf"), "extra\n");
    OverlayEngine engine = new OverlayEngine(Compat.CURRENT);
    for (String dest : List.of("../escape.conf", "/tmp/escape.conf", "a/../../escape.conf", "./x/../../y")) {
      Workspace ws = workspace();
      assertThatThrownBy(() -> engine.apply(ws, new Overlay.FileAdd(info(comp.resolve("demo.comp.toml")), dest, "extra.conf")))
          .as(dest).isInstanceOf(OverlayFailure.class).hasMessageContaining("demo");
      assertThat(ws.files().files().keySet()).as(dest).containsExactly("demo.conf");
    }
  }

  @Test
  void fileRenameCannotMoveAFileOutOfItsDirectory() {
    OverlayEngine engine = new OverlayEngine(Compat.CURRENT);
    for (String replacement : List.of("../escape", "/etc/passwd", "..", "a/b")) {
      Workspace ws = workspace();
      assertThatThrownBy(() -> engine.apply(ws, new Overlay.FileRename(info(dir.resolve("c.toml")), "demo.conf", replacement)))
          .as(replacement).isInstanceOf(OverlayFailure.class);
    }
  }

  @Test
  void aSourceTreeRefusesEscapingPaths() {
    SourceTree tree = new SourceTree();
    for (String path : List.of("../x", "/abs", "a/../../x", "a//b", "./a", "")) {
      assertThatThrownBy(() -> tree.put(path, new TreeFile(new byte[0], false))).as(path).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // --- config -------------------------------------------------------------------------------

  Path project(String comps) throws IOException {
    Path p = dir.resolve("project");
    Files.createDirectories(p.resolve("comps/demo"));
    Files.writeString(p.resolve("rpmoverlay.toml"), "includes = [\"comps/*/*.comp.toml\"]\n");
    Files.writeString(p.resolve("comps/demo/demo.comp.toml"), comps);
    return p;
  }

  @Test
  void anOverlaySourceThatIsASymlinkLeadingOutOfTheProjectIsAConfigError() throws IOException {
    Path secret = secret();
    Path p = project("[components.demo]\n[[components.demo.overlays]]\ntype = \"file-add\"\nfile = \"x.conf\"\nsource = \"link.conf\"\n");
    Files.createSymbolicLink(p.resolve("comps/demo/link.conf"), secret);

    assertThatThrownBy(() -> ProjectLoader.load(LoadOptions.of(p)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("link.conf")
        .hasMessageContaining("symbolic link")
        .hasMessageContaining("demo.comp.toml");
  }

  @Test
  void overlaySourcesWithDotDotOrAbsolutePathsAreConfigErrors() throws IOException {
    Path secret = secret();
    for (String source : List.of(secret.toString(), "../../../outside/secret.txt")) {
      Path p = project("[components.demo]\n[[components.demo.overlays]]\ntype = \"file-add\"\nfile = \"x.conf\"\nsource = \"" + source + "\"\n");
      assertThatThrownBy(() -> ProjectLoader.load(LoadOptions.of(p))).as(source).isInstanceOf(ConfigException.class)
          .hasMessageContaining(source);
    }
  }

  @Test
  void overlayFilePathsLeavingTheComponentAreConfigErrors() throws IOException {
    for (String file : List.of("../other/x.conf", "/etc/passwd")) {
      Path p = project("[components.demo]\n[[components.demo.overlays]]\ntype = \"file-prepend-lines\"\nfile = \"" + file
          + "\"\nlines = [\"x\"]\n");
      assertThatThrownBy(() -> ProjectLoader.load(LoadOptions.of(p))).as(file).isInstanceOf(ConfigException.class)
          .hasMessageContaining(file);
    }
  }

  @Test
  void componentNamesThatAreNoPlainDirectoryNameAreConfigErrors() throws IOException {
    for (String name : List.of("..", "a/b", "a\\\\b")) {
      Path p = project("[components.\"" + name + "\"]\n");
      assertThatThrownBy(() -> ProjectLoader.load(LoadOptions.of(p))).as(name).isInstanceOf(ConfigException.class)
          .hasMessageContaining("component name");
    }
  }

  // --- render output ------------------------------------------------------------------------

  ComponentConfig local(String name, Path specDir) {
    return new ComponentConfig(name, SourcePosition.of(specDir.resolve(name + ".comp.toml")), List.of(),
        new dev.rpmoverlay.config.model.SpecSource("local", Optional.of(specDir), dev.rpmoverlay.config.model.DistroRef.NONE, "", ""),
        dev.rpmoverlay.config.model.ReleaseCalculation.MANUAL, dev.rpmoverlay.config.model.BuildConfig.NONE, false, List.of(), List.of());
  }

  RenderSummary render(ComponentConfig c, Path out) throws IOException {
    ComponentRenderer renderer = new ComponentRenderer(DirectorySourceTreeProvider.localOr(dir), Templates.bundled(),
        new OverlayEngine(Compat.CURRENT));
    return new RenderRun(renderer, x -> java.util.List.of(), Templates.bundled(), FaultInjector.NONE)
        .run(List.of(c), Set.of(c.name()), RenderOptions.into(out), r -> {});
  }

  @Test
  void aSymlinkInALocalSpecDirIsNotFollowedIntoTheOutput() throws IOException {
    Path secret = secret();
    Path specDir = dir.resolve("specs/demo");
    Files.createDirectories(specDir);
    Files.write(specDir.resolve("demo.spec"), ("Name: demo\nVersion: 1\nRelease: 1\nSummary: x\nLicense: MIT\nSource1: leak.txt\n\n"
        + "%description\nx\n").getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(specDir.resolve("leak.txt"), secret);

    RenderSummary s = render(local("demo", specDir), dir.resolve("out"));

    assertThat(s.failures()).isZero();
    assertThat(dir.resolve("out/d/demo/demo.spec")).exists();
    assertThat(dir.resolve("out/d/demo/leak.txt")).doesNotExist();
  }

  @Test
  void aLetterDirThatIsASymlinkOutOfTheOutputDirIsNotWrittenThrough() throws IOException {
    Path outside = secret().getParent();
    Path specDir = dir.resolve("specs/demo");
    Files.createDirectories(specDir);
    Files.write(specDir.resolve("demo.spec"), SPEC);
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("d"), outside);

    RenderSummary s = render(local("demo", specDir), out);

    assertThat(s.failures()).isEqualTo(1);
    assertThat(s.results().get(0).error()).contains("symbolic link");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("secret.txt");
    }
  }
}
