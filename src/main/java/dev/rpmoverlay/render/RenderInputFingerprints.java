package dev.rpmoverlay.render;

import com.google.common.hash.Hashing;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.upstream.CacheMetadataToml;
import dev.rpmoverlay.upstream.Fingerprints;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.LockStore;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The input fingerprint incremental render compares: the lock's {@link Fingerprints#input} over
 * the resolved config and overlay files, with the source identity taken from what render actually
 * reads (the cache entry's {@code upstream.toml}, which lists every file's SHA-256, or the local
 * spec dir's files), plus the component's lock text (manual bump), the project's templates dir and
 * the running code ({@link CodeIdentity}).
 *
 * <p>A component whose lock the lock gate has just found current is fingerprinted by that lock
 * instead of the config: the lock's {@code input-fingerprint} was recomputed from the same resolved
 * config and overlay files and matched, so the lock's text stands for them, and walking the config
 * and hashing the overlay files a second time (a tenth of a full render's CPU) is not needed. The
 * two kinds are labelled differently, so neither can equal the other.
 */
public final class RenderInputFingerprints implements InputFingerprints {
  private final Project project;
  private final UpstreamCache cache;
  private final LockStore locks;
  private final String compat;
  private final String templates;
  private final Map<String, LockFile> currentLocks;

  /** Fingerprints that hash every component's config and overlay files. */
  public RenderInputFingerprints(Project project, UpstreamCache cache, String compat) {
    this(project, cache, compat, Map.of());
  }

  /**
   * @param currentLocks the locks just found current ({@link LockFile#inputFingerprint} recomputed
   *     and equal), by component: those components are fingerprinted by their lock
   */
  public RenderInputFingerprints(Project project, UpstreamCache cache, String compat, Map<String, LockFile> currentLocks) {
    this.currentLocks = currentLocks;
    this.project = project;
    this.cache = cache;
    this.locks = new LockStore(project.info().lockDir());
    this.compat = compat;
    this.templates = templatesIdentity(project.dir().resolve("templates"));
  }

  @Override
  public Optional<String> apply(ComponentConfig c) {
    try {
      String source;
      if (c.spec().isLocal()) {
        Optional<Path> dir = c.spec().path().filter(Files::isDirectory);
        if (dir.isEmpty()) {
          return Optional.empty();
        }
        source = Fingerprints.localSourceIdentity(dir.get());
      } else {
        byte[] meta;
        try {
          meta = Files.readAllBytes(cache.entryDir(c.name()).resolve(CacheMetadataToml.FILE_NAME));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        }
        source = cacheIdentity(meta);
      }
      return Optional.of(fingerprint(c, source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From the {@code upstream.toml} render read the component's files by, when they came from the cache. */
  @Override
  public Optional<String> afterRead(ComponentConfig c, UpstreamSources read) {
    if (c.spec().isLocal() || read.cacheMetadata().isEmpty()) {
      return apply(c);
    }
    try {
      return Optional.of(fingerprint(c, cacheIdentity(read.cacheMetadata().get())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A cache entry stands for its {@code upstream.toml}: it names every file and the history file with
   * their SHA-256, and render reads only what it names, each verified against it.
   */
  private static String cacheIdentity(byte[] metadata) {
    return "sha256:" + Hashing.sha256().hashBytes(metadata);
  }

  private String fingerprint(ComponentConfig c, String source) throws IOException {
    String releaseVer = project.upstreamOf(c).releaseVer();
    LockFile current = c.spec().isLocal() ? null : currentLocks.get(c.name());
    String input;
    if (current != null) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("current_lock", LockStore.format(current));
      fields.put("source", source);
      fields.put("templates", templates);
      fields.put("release_ver", releaseVer);
      fields.put("compat_mode", compat);
      input = Fingerprints.hash(fields);
    } else {
      Path lock = locks.path(c.name());
      String lockText = Files.isRegularFile(lock) ? Files.readString(lock, StandardCharsets.UTF_8) : "";
      input = Fingerprints.input(c, source + "\nlock:" + lockText + "\ntemplates:" + templates, 0, releaseVer, compat);
    }
    return IncrementalState.combine(Optional.of(input), CodeIdentity.get()).orElseThrow();
  }

  private static String templatesIdentity(Path dir) {
    if (!Files.isDirectory(dir)) {
      return "bundled";
    }
    try {
      return Fingerprints.localSourceIdentity(dir);
    } catch (IOException e) {
      return "unreadable:" + System.nanoTime();
    }
  }
}
