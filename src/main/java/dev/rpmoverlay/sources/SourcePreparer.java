package dev.rpmoverlay.sources;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.SourceFile;
import dev.rpmoverlay.overlay.FileModes;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.OverlayFailure;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.upstream.LookasideDownloader;
import dev.rpmoverlay.upstream.SourcesFile;
import dev.rpmoverlay.upstream.UpstreamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code prepare-sources} (azldev's {@code component prepare-sources}): one component's files and
 * every source its {@code sources} file lists, in one directory, ready for {@code rpmbuild -bs}
 * or mock. Lookaside files come from the {@link LookasideCache}; archive overlays
 * (docs/azldev-compatibility.md §2.2) unpack their archive, change it and repack it
 * deterministically, and the repacked archive must have the hash its {@code source-files} entry
 * declares (which render already wrote into {@code sources}). The directory is built beside
 * {@code DIR} and renamed into place only when complete, so a failed run leaves {@code DIR} as it
 * was.
 */
public final class SourcePreparer {
  private final LookasideCache cache;
  private final OverlayEngine engine;

  public SourcePreparer(LookasideCache cache, OverlayEngine engine) {
    this.cache = cache;
    this.engine = engine;
  }

  /**
   * What to prepare.
   *
   * @param files the component's files: the rendered ones, or with {@code --skip-overlays} the
   *     upstream ones as they are
   * @param upstreamSources the upstream {@code sources} file (before {@code source-files}), where
   *     an archive overlay's original archive is listed
   * @param lookasideUrl the distro's lookaside URL of an entry; empty when it has none
   * @param applyArchiveOverlays false with {@code --skip-overlays}
   */
  public record Request(
      ComponentConfig component,
      SourceTree files,
      Optional<SourcesFile> upstreamSources,
      Optional<Function<SourcesFile.Entry, String>> lookasideUrl,
      boolean applyArchiveOverlays,
      Path outDir,
      boolean force) {}

  /**
   * Refuses a non-empty output directory unless {@code force}; run before any download.
   *
   * @throws PrepareException when {@code dir} holds files and {@code force} is false, or is not a directory
   */
  public static void checkOutputDir(Path dir, boolean force) throws PrepareException, IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new PrepareException(dir + " exists and is not a directory; give -o a directory (it is created when missing)");
    }
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isPresent() && !force) {
        throw new PrepareException(dir + " is not empty; pass --force to replace its content, or pick another -o directory");
      }
    }
  }

  /** Prepares {@code request.outDir()}; returns its files in path order. */
  public List<PreparedFile> prepare(Request request) throws PrepareException, IOException {
    String name = request.component().name();
    checkOutputDir(request.outDir(), request.force());
    Map<String, List<Overlay>> archiveOverlays = request.applyArchiveOverlays() ? archiveOverlays(request.component()) : Map.of();
    Map<String, SourceFile> overlaySources = overlaySourceFiles(request.component(), request.applyArchiveOverlays());
    checkPairing(name, archiveOverlays, overlaySources);

    Map<String, Staged> staged = new TreeMap<>();
    for (Map.Entry<String, TreeFile> f : request.files().files().entrySet()) {
      staged.put(f.getKey(), new Staged(request.applyArchiveOverlays() ? PreparedFile.Source.RENDERED : PreparedFile.Source.UPSTREAM,
          "", f.getValue(), null));
    }
    Optional<TreeFile> sourcesFile = request.files().get("sources");
    if (sourcesFile.isPresent()) {
      SourcesFile sources = parse(name, sourcesFile.get(), "sources");
      for (SourcesFile.Entry e : sources.entries()) {
        SourceFile declared = overlaySources.get(e.filename());
        if (declared != null) {
          staged.put(e.filename(), repacked(request, e, archiveOverlays.getOrDefault(e.filename(), List.of())));
        } else {
          staged.put(e.filename(), source(request, e, sourceFileOf(request.component(), e.filename())));
        }
      }
    }
    write(request.outDir(), staged);
    List<PreparedFile> out = new ArrayList<>();
    staged.forEach((path, s) -> out.add(new PreparedFile(path, s.source(), s.detail())));
    return out;
  }

  /** A file about to be written: in memory, or a cached file to copy. */
  private record Staged(PreparedFile.Source source, String detail, TreeFile inMemory, Path cached) {}

  private Staged source(Request request, SourcesFile.Entry e, Optional<SourceFile> declared) throws PrepareException, IOException {
    String name = request.component().name();
    Optional<TreeFile> shipped = request.files().get(e.filename());
    if (shipped.isPresent() && LookasideDownloader.hashOf(shipped.get().content(), e.hashType()).equalsIgnoreCase(e.hash())) {
      return new Staged(PreparedFile.Source.SHIPPED, "", shipped.get(), null);
    }
    String url;
    if (declared.isPresent() && declared.get().originType().equals("download") && !declared.get().originUri().isEmpty()) {
      url = declared.get().originUri();
    } else if (declared.isPresent() && declared.get().originType().equals("custom")) {
      throw new PrepareException("component " + name + ": source file '" + e.filename() + "' (" + declared.get().declaredAt()
          + ") has a custom origin; prepare-sources does not run generator scripts, so put the file in the lookaside first");
    } else if (request.lookasideUrl().isPresent()) {
      url = request.lookasideUrl().get().apply(e);
    } else {
      throw new PrepareException("component " + name + ": '" + e.filename() + "' is listed in sources, but the component's"
          + " distro has no lookaside-base-uri to download it from (set one, or ship the file with the component)");
    }
    LookasideCache.Cached c = get(name, e, url);
    return new Staged(c.origin() == LookasideCache.Origin.DOWNLOADED ? PreparedFile.Source.DOWNLOADED : PreparedFile.Source.CACHED,
        "", null, c.file());
  }

  private LookasideCache.Cached get(String component, SourcesFile.Entry e, String url) throws PrepareException, IOException {
    try {
      return cache.get(component, e, url);
    } catch (UpstreamException ex) {
      throw new PrepareException(ex.getMessage(), ex);
    }
  }

  /** The original archive (upstream line of {@code sources}), with the archive overlays applied and the hash checked. */
  private Staged repacked(Request request, SourcesFile.Entry rendered, List<Overlay> overlays) throws PrepareException, IOException {
    String name = request.component().name();
    SourcesFile.Entry upstream = request.upstreamSources().flatMap(s -> s.find(rendered.filename())).orElseThrow(() ->
        new PrepareException("component " + name + ": archive '" + rendered.filename() + "' has no line in the upstream"
            + " sources file, so there is no original archive to apply the archive overlays to"));
    Staged original = source(request, upstream, Optional.empty());
    byte[] bytes = original.inMemory() != null ? original.inMemory().content() : Files.readAllBytes(original.cached());
    boolean executable = original.inMemory() != null && original.inMemory().executable();
    byte[] repacked;
    try {
      repacked = ArchiveRepack.apply(name, rendered.filename(), bytes, overlays, engine);
    } catch (ArchiveException ex) {
      throw new PrepareException("component " + name + ": " + ex.getMessage(), ex);
    }
    String actual = LookasideDownloader.hashOf(repacked, rendered.hashType());
    if (!actual.equalsIgnoreCase(rendered.hash())) {
      SourceFile declared = overlaySourceFiles(request.component(), true).get(rendered.filename());
      throw new PrepareException("component " + name + ": the repacked '" + rendered.filename() + "' has " + rendered.hashType()
          + " " + actual + ", but its source-files entry (" + declared.declaredAt() + ") declares " + rendered.hash()
          + "; if the archive overlays changed on purpose, set hash = \"" + actual + "\" there");
    }
    return new Staged(PreparedFile.Source.REPACKED, rendered.hashType() + " " + actual, new TreeFile(repacked, executable), null);
  }

  /** Archive overlays by archive name, each list in the component's overlay order. */
  private static Map<String, List<Overlay>> archiveOverlays(ComponentConfig component) {
    Map<String, List<Overlay>> out = new LinkedHashMap<>();
    for (Overlay o : component.overlays()) {
      if (OverlayEngine.isArchiveOverlay(o)) {
        String archive = o instanceof Overlay.FileSearchReplace f ? f.archive().orElseThrow() : ((Overlay.FileRemove) o).archive().orElseThrow();
        out.computeIfAbsent(archive, k -> new ArrayList<>()).add(o);
      }
    }
    return out;
  }

  /** The {@code source-files} entries whose origin is {@code overlay}, by file name (none when overlays are skipped). */
  private static Map<String, SourceFile> overlaySourceFiles(ComponentConfig component, boolean applyOverlays) {
    Map<String, SourceFile> out = new LinkedHashMap<>();
    if (applyOverlays) {
      for (SourceFile f : component.sourceFiles()) {
        if (f.originType().equals("overlay")) {
          out.put(f.filename(), f);
        }
      }
    }
    return out;
  }

  private static Optional<SourceFile> sourceFileOf(ComponentConfig component, String filename) {
    return component.sourceFiles().stream().filter(f -> f.filename().equals(filename)).findFirst();
  }

  /**
   * Every archive overlay needs a {@code source-files} entry for its archive with origin
   * {@code overlay} and {@code replace-upstream = true} (where the repacked hash is declared), and
   * every such entry needs an archive overlay (else its declared hash could never match).
   */
  private static void checkPairing(String component, Map<String, List<Overlay>> overlays, Map<String, SourceFile> declared)
      throws PrepareException {
    for (Map.Entry<String, List<Overlay>> e : overlays.entrySet()) {
      SourceFile f = declared.get(e.getKey());
      Overlay first = e.getValue().get(0);
      if (f == null || !f.replaceUpstream()) {
        throw new PrepareException("component " + component + ": " + OverlayFailure.label(first.info(), first.type())
            + " changes archive '" + e.getKey() + "', which needs a [[source-files]] entry with filename = \"" + e.getKey()
            + "\", origin = { type = \"overlay\" }, replace-upstream = true, a replace-reason and the repacked archive's hash");
      }
    }
    for (SourceFile f : declared.values()) {
      if (!overlays.containsKey(f.filename())) {
        throw new PrepareException("component " + component + ": source file '" + f.filename() + "' (" + f.declaredAt()
            + ") has origin type \"overlay\", but no archive overlay changes it; add one with archive = \"" + f.filename()
            + "\", or change its origin");
      }
    }
  }

  private static SourcesFile parse(String component, TreeFile file, String where) throws PrepareException {
    try {
      return SourcesFile.parse(new String(file.content(), StandardCharsets.UTF_8), where);
    } catch (UpstreamException e) {
      throw new PrepareException("component " + component + ": " + e.getMessage(), e);
    }
  }

  /** Writes every file into a sibling staging directory, then swaps it in for {@code outDir}. */
  private static void write(Path outDir, Map<String, Staged> files) throws IOException {
    Path target = outDir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String base = target.getFileName().toString();
    Path staging = parent.resolve("." + base + ".prepare-" + UUID.randomUUID());
    Path old = parent.resolve("." + base + ".old-" + UUID.randomUUID());
    try {
      Files.createDirectory(staging);
      for (Map.Entry<String, Staged> e : files.entrySet()) {
        Path dest = staging.resolve(SourceTree.checked(e.getKey()));
        Files.createDirectories(dest.getParent());
        Staged s = e.getValue();
        if (s.inMemory() != null) {
          Files.write(dest, s.inMemory().content());
          FileModes.apply(dest, s.inMemory().executable());
        } else {
          Files.copy(s.cached(), dest);
          FileModes.apply(dest, false);
        }
      }
      boolean replacing = Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      if (replacing) {
        move(target, old);
      }
      try {
        move(staging, target);
      } catch (IOException e) {
        if (replacing) {
          move(old, target); // put the previous content back: a failed run changes nothing
        }
        throw e;
      }
      deleteTree(old);
    } finally {
      deleteTree(staging);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }
}
