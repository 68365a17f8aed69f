package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.testing.Components;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lock verdicts kept from one check for the next: taken only while the lock file and every overlay
 * source file the check read keep their stamps, and only under the same key.
 */
class KeptLockVerdictsTest {
  static final String COMMIT = "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123";
  static final String KEY = "code=c1\n";

  @TempDir Path tmp;
  Path work;
  LockStore store;
  LockValidator validator;
  Path patch;
  LockSubject curl;

  @BeforeEach
  void lockedComponent() throws Exception {
    work = tmp.resolve("work");
    store = new LockStore(tmp.resolve("locks"));
    validator = new LockValidator(store);
    Path toml = tmp.resolve("comps/curl.comp.toml");
    patch = Files.createDirectories(toml.getParent()).resolve("fix.patch");
    Files.writeString(patch, "--- a\n+++ b\n");
    Overlay.PatchAdd addPatch = new Overlay.PatchAdd(Components.info(1, "fix", toml, 12), "fix.patch", "", "");
    ComponentConfig config = Components.upstream("curl", toml, List.of(Components.addTag(0, "why", toml, "zlib-devel"), addPatch));
    curl = new LockSubject(config, Optional.of(new UpstreamCoordinates("curl", "curl", "https://src.example/rpms/curl.git", "f43", "", "")),
        Optional.empty(), "fedora", "43", "43", "current");
    store.write("curl", validator.expected(curl, COMMIT, Optional.empty()));
    settle();
  }

  /** Past the file-system clock tick of every write so far, as a later run is. */
  static void settle() throws InterruptedException {
    Thread.sleep(60);
  }

  /** One check as a run does it: open the kept verdicts (the clock probe), check, save. */
  Map<String, Integer> check(String key, LockSubject subject) throws Exception {
    return check(key, subject, "g1");
  }

  Map<String, Integer> check(String key, LockSubject subject, String generation) throws Exception {
    KeptLockVerdicts kept = KeptLockVerdicts.open(work, key, Optional.of(generation));
    LockValidator.Checked checked = validator.check(List.of(subject), kept);
    kept.save();
    return Map.of("current", checked.current().size(), "problems", checked.problems().size(), "taken", (int) kept.takenCount(),
        "compared", (int) kept.comparedCount());
  }

  @Test
  void aLockFoundCurrentIsTakenFromTheKeptVerdictByTheNextCheck() throws Exception {
    assertThat(check(KEY, curl)).containsEntry("current", 1).containsEntry("taken", 0);
    settle();
    assertThat(check(KEY, curl)).containsEntry("current", 1).containsEntry("taken", 1);
    assertThat(Files.list(work).map(p -> p.getFileName().toString()).toList())
        .as("the clock probe is removed again").containsExactly(KeptLockVerdicts.FILE_NAME);
  }

  @Test
  void aTakenVerdictGivesTheLockAsTheFileHoldsIt() throws Exception {
    check(KEY, curl);
    settle();
    KeptLockVerdicts kept = KeptLockVerdicts.open(work, KEY, Optional.of("g1"));
    assertThat(kept.current(curl, store.path("curl"))).isEqualTo(store.read("curl")).isPresent();
  }

  @Test
  void aStaleLockWrittenAfterTheVerdictIsCheckedAgainAndReported() throws Exception {
    check(KEY, curl);
    settle();
    store.write("curl", store.read("curl").orElseThrow().withManualBump(3)); // the fingerprint no longer matches
    settle();
    assertThat(check(KEY, curl)).containsEntry("taken", 0).containsEntry("problems", 1);
  }

  @Test
  void anOverlaySourceFileChangedAfterTheVerdictMakesTheLockStale() throws Exception {
    check(KEY, curl);
    settle();
    Files.writeString(patch, "--- a\n+++ b\n@@ changed @@\n");
    settle();
    assertThat(check(KEY, curl)).containsEntry("taken", 0).containsEntry("problems", 1);
  }

  @Test
  void anOverlaySourceFileReplacedByALinkIsCheckedAgain() throws Exception {
    check(KEY, curl);
    settle();
    Path copy = Files.copy(patch, tmp.resolve("elsewhere.patch"));
    Files.delete(patch);
    Files.createSymbolicLink(patch, copy);
    settle();
    assertThat(check(KEY, curl)).containsEntry("taken", 0).containsEntry("current", 1);
    settle();
    assertThat(check(KEY, curl)).as("a link's stamp proves nothing about its target: never kept").containsEntry("taken", 0);
  }

  @Test
  void aVerdictKeptUnderAnotherKeyIsNotTaken() throws Exception {
    check(KEY, curl);
    settle();
    assertThat(check("code=c2\n", curl)).containsEntry("taken", 0).containsEntry("current", 1);
  }

  @Test
  void aVerdictFromAnotherProjectGenerationIsTakenWhenTheComponentResolvesTheSame() throws Exception {
    check(KEY, curl, "g1");
    settle();
    assertThat(check(KEY, curl, "g2")).containsEntry("taken", 1);
    assertThat(check(KEY, curl, "")).as("a project in no snapshot").containsEntry("taken", 1);
  }

  @Test
  void aVerdictTakenByItsDigestIsKeptUnderTheNewGenerationSoTheNextRunNeedsNone() throws Exception {
    check(KEY, curl, "g1");
    settle();
    assertThat(check(KEY, curl, "g2")).containsEntry("taken", 1).containsEntry("compared", 1);
    assertThat(check(KEY, curl, "g2")).containsEntry("taken", 1).containsEntry("compared", 0);
  }

  @Test
  void aVerdictFromAnotherProjectGenerationIsNotTakenWhenTheComponentsConfigChanged() throws Exception {
    check(KEY, curl, "g1");
    settle();
    ComponentConfig edited = Components.withOverlays(curl.config(), List.of(curl.config().overlays().get(1)));
    LockSubject after = new LockSubject(edited, curl.upstream(), curl.localSpecDir(), "fedora", "43", "43", "current");
    assertThat(check(KEY, after, "g2")).as("the lock, unchanged, is stale now").containsEntry("taken", 0).containsEntry("problems", 1);
  }

  @Test
  void aVerdictFromAnotherProjectGenerationIsNotTakenWhenTheReleaseVerChanged() throws Exception {
    check(KEY, curl, "g1");
    settle();
    LockSubject after = new LockSubject(curl.config(), curl.upstream(), curl.localSpecDir(), "fedora", "43", "44", "current");
    assertThat(check(KEY, after, "g2")).containsEntry("taken", 0).containsEntry("problems", 1);
  }

  @Test
  void aVerdictForAnotherCompatModeIsNotTaken() throws Exception {
    check(KEY, curl);
    settle();
    LockSubject other = new LockSubject(curl.config(), curl.upstream(), curl.localSpecDir(), "fedora", "43", "43", "head");
    assertThat(check(KEY, other)).containsEntry("taken", 0).containsEntry("problems", 1);
  }

  @Test
  void aLockWrittenAfterTheClockProbeIsNotKept() throws Exception {
    KeptLockVerdicts kept = KeptLockVerdicts.open(work, KEY, Optional.of("g1"));
    store.write("curl", store.read("curl").orElseThrow().withNote(new ChangeNote("a", "a@example.org", "2026-01-01", "why")));
    assertThat(validator.check(List.of(curl), kept).current()).containsKey("curl");
    kept.save();
    settle();
    assertThat(check(KEY, curl)).as("written after the probe: its stamp proves nothing").containsEntry("taken", 0);
  }

  @Test
  void aDamagedFileIsIgnored() throws Exception {
    check(KEY, curl);
    settle();
    Path file = work.resolve(KeptLockVerdicts.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThat(check(KEY, curl)).containsEntry("taken", 0).containsEntry("current", 1);
    Files.write(file, new byte[] {1, 2, 3});
    assertThat(check(KEY, curl)).containsEntry("taken", 0).containsEntry("current", 1);
  }

  @Test
  void aCheckThatTookEveryVerdictLeavesTheFileAlone() throws Exception {
    check(KEY, curl);
    settle();
    Path file = work.resolve(KeptLockVerdicts.FILE_NAME);
    long inode = (Long) Files.getAttribute(file, "unix:ino");
    check(KEY, curl);
    assertThat((Long) Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
  }
}
