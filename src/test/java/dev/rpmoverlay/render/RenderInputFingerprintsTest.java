package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.testing.LocalProject;
import dev.rpmoverlay.upstream.LockFile;
import dev.rpmoverlay.upstream.UpstreamCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental render's input key, with and without a lock the lock gate found current. */
class RenderInputFingerprintsTest {
  private static final LockFile LOCK = new LockFile(LockFile.VERSION, "a".repeat(40), "a".repeat(40), 0, "sha256:" + "1".repeat(64),
      "sha256:" + "2".repeat(64));

  @TempDir Path dir;
  Project project;
  UpstreamCache cache;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(dir.resolve("azldev.toml"), LocalProject.HEADER + """
        [components.plain]
        overlays = [ { type = "spec-add-tag", tag = "BuildRequires", value = "gcc" } ]
        """);
    Files.createDirectories(dir.resolve("upstream-cache/plain"));
    Files.writeString(dir.resolve("upstream-cache/plain/upstream.toml"), "# the cache entry's manifest\n");
    project = ProjectLoader.load(LoadOptions.of(dir));
    cache = UpstreamCache.open(project.info().upstreamCacheDir());
  }

  Optional<String> fingerprint(Map<String, LockFile> currentLocks) {
    return new RenderInputFingerprints(project, cache, "CURRENT", currentLocks).apply(project.resolve("plain"));
  }

  @Test
  void aComponentWhoseLockIsCurrentIsKeyedByThatLockNotByHashingItsConfigAgain() {
    assertThat(fingerprint(Map.of("plain", LOCK))).isPresent()
        .isEqualTo(fingerprint(Map.of("plain", LOCK)))
        .isNotEqualTo(fingerprint(Map.of()));
  }

  @Test
  void anotherCurrentLockGivesAnotherKey() {
    assertThat(fingerprint(Map.of("plain", LOCK.withManualBump(1)))).isNotEqualTo(fingerprint(Map.of("plain", LOCK)));
  }

  @Test
  void theCacheEntryStillCountsForAComponentWhoseLockIsCurrent() throws IOException {
    Optional<String> before = fingerprint(Map.of("plain", LOCK));
    Files.writeString(dir.resolve("upstream-cache/plain/upstream.toml"), "# another fetch\n");
    assertThat(fingerprint(Map.of("plain", LOCK))).isNotEqualTo(before);
  }

  @Test
  void theFingerprintFromTheMetadataRenderReadEqualsTheOneReadFromTheCache() throws IOException {
    byte[] metadata = Files.readAllBytes(dir.resolve("upstream-cache/plain/upstream.toml"));
    RenderInputFingerprints fingerprints = new RenderInputFingerprints(project, cache, "CURRENT", Map.of("plain", LOCK));
    UpstreamSources read = new UpstreamSources(new dev.rpmoverlay.overlay.SourceTree(), Optional.empty(), Optional.of(metadata));

    assertThat(fingerprints.afterRead(project.resolve("plain"), read)).isPresent().isEqualTo(fingerprint(Map.of("plain", LOCK)));
    UpstreamSources other = new UpstreamSources(new dev.rpmoverlay.overlay.SourceTree(), Optional.empty(),
        Optional.of("# another fetch\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(fingerprints.afterRead(project.resolve("plain"), other)).isNotEqualTo(fingerprint(Map.of("plain", LOCK)));
  }

  @Test
  void withoutACurrentLockTheConfigIsHashed() throws IOException {
    Optional<String> before = fingerprint(Map.of());
    Files.writeString(dir.resolve("azldev.toml"), Files.readString(dir.resolve("azldev.toml")).replace("gcc", "clang"));
    project = ProjectLoader.load(LoadOptions.of(dir));
    assertThat(fingerprint(Map.of())).isNotEqualTo(before);
  }
}
