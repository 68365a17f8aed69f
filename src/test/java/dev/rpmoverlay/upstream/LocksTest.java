package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.testing.Components;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocksTest {

  @TempDir Path tmp;
  static final String COMMIT = "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123";

  LockSubject subject(ComponentConfig c, String pin, String snapshot) {
    UpstreamCoordinates u = new UpstreamCoordinates(c.name(), c.name(), "https://src.fedoraproject.org/rpms/" + c.name() + ".git",
        "f43", pin, snapshot);
    return new LockSubject(c, Optional.of(u), Optional.empty(), "fedora", "43", "43", "current");
  }

  ComponentConfig curl(String buildRequires) {
    Path toml = tmp.resolve("curl.comp.toml");
    return Components.upstream("curl", toml, List.of(Components.addTag(0, "why", toml, buildRequires)));
  }

  @Test
  void aLockRoundTripsThroughItsTextForm() {
    LockFile lock = new LockFile(1, COMMIT, COMMIT, 2, "sha256:aa", "sha256:bb");
    String text = LockStore.format(lock);
    assertThat(text).isEqualTo("# Managed by rpmoverlay update. Do not edit manually.\nversion = 1\n"
        + "import-commit = \"" + COMMIT + "\"\nupstream-commit = \"" + COMMIT + "\"\nmanual-bump = 2\n"
        + "input-fingerprint = \"sha256:aa\"\nfingerprint-scheme = 2\nresolution-input-hash = \"sha256:bb\"\n");
    assertThat(LockStore.parse(text, "x.lock")).isEqualTo(lock);
  }

  @Test
  void anAzldevLockFileReads() {
    String azldev = """
        # Managed by azldev component update. Do not edit manually.
        version = 1
        import-commit = "abc"
        upstream-commit = "def"
        input-fingerprint = "sha256:11"
        resolution-input-hash = "sha256:22"
        """;
    LockFile l = LockStore.parse(azldev, "curl.lock");
    assertThat(l.upstreamCommit()).isEqualTo("def");
    assertThat(l.manualBump()).isZero();
    assertThat(l.fingerprintScheme()).as("a lock without fingerprint-scheme is scheme 1").isEqualTo(1);
  }

  @Test
  void anUnsupportedVersionIsAnError() {
    assertThatThrownBy(() -> LockStore.parse("version = 7\n", "locks/curl.lock"))
        .hasMessageContaining("locks/curl.lock: unsupported lock file version 7");
  }

  @Test
  void writingTheSameLockTwiceDoesNotTouchTheFile() throws Exception {
    LockStore store = new LockStore(tmp.resolve("locks"));
    LockFile lock = new LockFile(1, COMMIT, COMMIT, 0, "sha256:aa", "sha256:bb");
    assertThat(store.write("curl", lock)).isTrue();
    assertThat(store.write("curl", lock)).isFalse();
    assertThat(store.read("curl")).contains(lock);
    assertThat(Files.list(tmp.resolve("locks")).map(p -> p.getFileName().toString()).toList()).containsExactly("curl.lock");
  }

  @Test
  void aFreshLockHasNoProblem() throws Exception {
    LockStore store = new LockStore(tmp.resolve("locks"));
    LockValidator v = new LockValidator(store);
    LockSubject s = subject(curl("zlib-devel"), "", "2026-02-24T00:00:00-08:00");
    store.write("curl", v.expected(s, COMMIT, Optional.empty()));
    assertThat(v.problem(s)).isEmpty();
  }

  @Test
  void aMissingLockIsAProblemThatSuggestsUpdate() throws Exception {
    LockValidator v = new LockValidator(new LockStore(tmp.resolve("locks")));
    assertThat(v.problem(subject(curl("zlib-devel"), "", ""))).get().extracting(LockValidator.Problem::message)
        .asString().contains("component 'curl' has no lock file", "rpmoverlay update curl", "--skip-lock-validation");
  }

  @Test
  void aConfigChangeMakesTheLockStale() throws Exception {
    LockStore store = new LockStore(tmp.resolve("locks"));
    LockValidator v = new LockValidator(store);
    store.write("curl", v.expected(subject(curl("zlib-devel"), "", ""), COMMIT, Optional.empty()));
    assertThat(v.problem(subject(curl("zstd-devel"), "", ""))).get().extracting(LockValidator.Problem::message)
        .asString().contains("input fingerprint differs");
  }

  @Test
  void aNewSnapshotMakesTheLockStale() throws Exception {
    LockStore store = new LockStore(tmp.resolve("locks"));
    LockValidator v = new LockValidator(store);
    store.write("curl", v.expected(subject(curl("zlib-devel"), "", "2026-02-24T00:00:00Z"), COMMIT, Optional.empty()));
    assertThat(v.problem(subject(curl("zlib-devel"), "", "2026-03-24T00:00:00Z"))).get()
        .extracting(LockValidator.Problem::message).asString().contains("upstream selection");
  }

  @Test
  void aPinThatDisagreesWithTheLockIsAProblem() throws Exception {
    LockStore store = new LockStore(tmp.resolve("locks"));
    LockValidator v = new LockValidator(store);
    store.write("curl", v.expected(subject(curl("zlib-devel"), "", ""), COMMIT, Optional.empty()));
    assertThat(v.problem(subject(curl("zlib-devel"), "abcdef1", ""))).get()
        .extracting(LockValidator.Problem::message).asString().contains("differs from the upstream-commit pin abcdef1");
  }

  @Test
  void aLockInAnOlderFingerprintSchemeIsStaleEvenWhenItsFingerprintMatches() throws Exception {
    LockStore store = new LockStore(tmp.resolve("locks"));
    LockValidator v = new LockValidator(store);
    LockSubject s = subject(curl("zlib-devel"), "", "");
    LockFile current = v.expected(s, COMMIT, Optional.empty());
    store.write("curl", new LockFile(current.version(), current.importCommit(), current.upstreamCommit(), current.manualBump(),
        current.inputFingerprint(), current.resolutionInputHash(), 1));
    assertThat(v.problem(s)).get().extracting(LockValidator.Problem::message).asString()
        .contains("fingerprint scheme 1", "rpmoverlay update curl");
  }

  @Test
  void theFingerprintDoesNotDependOnWhereTheProjectIsCheckedOut() throws Exception {
    Files.createDirectories(tmp.resolve("a"));
    Files.createDirectories(tmp.resolve("b"));
    Files.writeString(tmp.resolve("a/fix.patch"), "same bytes");
    Files.writeString(tmp.resolve("b/fix.patch"), "same bytes");
    assertThat(Fingerprints.input(withPatch(tmp.resolve("a")), COMMIT, 0, "43", "current"))
        .isEqualTo(Fingerprints.input(withPatch(tmp.resolve("b")), COMMIT, 0, "43", "current"));
  }

  @Test
  void theFingerprintFollowsTheBytesOfAnOverlaySourceFile() throws Exception {
    Files.createDirectories(tmp.resolve("a"));
    Files.writeString(tmp.resolve("a/fix.patch"), "one");
    String before = Fingerprints.input(withPatch(tmp.resolve("a")), COMMIT, 0, "43", "current");
    Files.writeString(tmp.resolve("a/fix.patch"), "two");
    assertThat(Fingerprints.input(withPatch(tmp.resolve("a")), COMMIT, 0, "43", "current")).isNotEqualTo(before);
  }

  /** curl with a patch-add overlay declared in {@code dir}/curl.comp.toml, its source made absolute as the config loader does. */
  private static ComponentConfig withPatch(Path dir) {
    Path toml = dir.resolve("curl.comp.toml");
    return Components.upstream("curl", toml, List.of(new dev.rpmoverlay.config.model.Overlay.PatchAdd(
        Components.info(0, "add fix", toml, 3), dir.resolve("fix.patch").toString(), "", "")));
  }

  @Test
  void updateKeepsTheImportCommitAndManualBump() throws Exception {
    LockValidator v = new LockValidator(new LockStore(tmp.resolve("locks")));
    LockFile old = new LockFile(1, "1".repeat(40), "1".repeat(40), 3, "sha256:x", "sha256:y");
    LockFile next = v.expected(subject(curl("zlib-devel"), "", ""), COMMIT, Optional.of(old));
    assertThat(next.importCommit()).isEqualTo("1".repeat(40));
    assertThat(next.upstreamCommit()).isEqualTo(COMMIT);
    assertThat(next.manualBump()).isEqualTo(3);
  }
}
