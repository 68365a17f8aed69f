package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch} and {@code update} end to end on a project whose distro points at file:// repos. */
class FetchUpdateCommandTest {

  @TempDir Path tmp;
  Path project;
  Path server;
  HttpServer lookaside;
  AtomicInteger lookasideHits = new AtomicInteger();
  static final byte[] TARBALL = "pretend this is curl-8.11.tar.xz".getBytes();
  RevCommit curlOld;
  RevCommit curlNew;
  /** The distro's dist-git-base-uri without {@code $pkg}; null for the file:// server. */
  String distGitBase;

  RevCommit commit(Git git, String when, String msg, String path, String content) throws Exception {
    Path p = git.getRepository().getWorkTree().toPath().resolve(path);
    Files.writeString(p, content);
    git.add().addFilepattern(path).call();
    PersonIdent who = new PersonIdent("Packager", "p@example.org", Instant.parse(when), ZoneOffset.UTC);
    return git.commit().setMessage(msg).setAuthor(who).setCommitter(who).call();
  }

  @BeforeEach
  void setUp() throws Exception {
    server = Files.createDirectories(tmp.resolve("dist-git"));
    String sha = Hashing.sha512().hashBytes(TARBALL).toString();
    try (Git curl = Git.init().setDirectory(server.resolve("curl").toFile()).setInitialBranch("f43").call()) {
      curlOld = commit(curl, "2026-01-01T00:00:00Z", "Import", "curl.spec", "Name: curl\nVersion: 8.11\n");
      commit(curl, "2026-01-02T00:00:00Z", "Sources", "sources", "SHA512 (curl-8.11.tar.xz) = " + sha + "\n");
      curlNew = commit(curl, "2026-03-01T00:00:00Z", "After the snapshot", "curl.spec", "Name: curl\nVersion: 8.12\n");
    }
    try (Git bash = Git.init().setDirectory(server.resolve("bash").toFile()).setInitialBranch("f43").call()) {
      commit(bash, "2026-01-01T00:00:00Z", "Import", "bash.spec", "Name: bash\n");
    }
    lookaside = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    lookaside.createContext("/repo/", ex -> {
      lookasideHits.incrementAndGet();
      boolean ok = ex.getRequestURI().getPath().equals("/repo/curl/curl-8.11.tar.xz/sha512/" + sha + "/curl-8.11.tar.xz");
      ex.sendResponseHeaders(ok ? 200 : 404, ok ? TARBALL.length : -1);
      if (ok) {
        ex.getResponseBody().write(TARBALL);
      }
      ex.close();
    });
    lookaside.start();
    project = Files.createDirectories(tmp.resolve("project"));
    writeProject("zlib-devel", "2026-02-24T00:00:00-08:00");
  }

  void writeProject(String buildRequires, String snapshot) throws Exception {
    writeProjectWithOverlays(snapshot, "{ type = \"spec-add-tag\", tag = \"BuildRequires\", value = \"" + buildRequires + "\" }");
  }

  void writeProjectWithOverlays(String snapshot, String curlOverlays) throws Exception {
    Files.writeString(project.resolve("azldev.toml"), """
        [project]
        default-distro = { name = "downstream" }

        [distros.fedora]
        default-version = "43"
        dist-git-base-uri = "%s$pkg"
        lookaside-base-uri = "http://127.0.0.1:%d/repo/$pkg/$filename/$hashtype/$hash/$filename"
        [distros.fedora.versions.43]
        release-ver = "43"
        dist-git-branch = "f43"

        [distros.downstream]
        default-version = "1"
        [distros.downstream.versions.1]
        release-ver = "1"
        default-component-config.spec = { type = "upstream", upstream-distro = { name = "fedora", version = "43", snapshot = "%s" } }

        [components.curl]
        overlays = [ %s ]

        [components.bash]
        """.formatted(distGitBase != null ? distGitBase : server.toUri(), lookaside.getAddress().getPort(), snapshot, curlOverlays));
  }

  @AfterEach
  void tearDown() {
    lookaside.stop(0);
  }

  CliRun run(String... args) {
    // --mirror-dir belongs to the subcommand, so the subcommand name comes first
    String[] ordered = new String[args.length + 4];
    ordered[0] = args[0];
    ordered[1] = "-C";
    ordered[2] = project.toString();
    ordered[3] = "--mirror-dir";
    ordered[4] = tmp.resolve("mirrors").toString();
    System.arraycopy(args, 1, ordered, 5, args.length - 1);
    return CliRun.of(ordered);
  }

  @Test
  void fetchFillsTheCacheAtTheSnapshotAndAReFetchIsUnchanged() throws Exception {
    CliRun first = run("fetch", "-a");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("curl       written", "bash       written");
    assertThat(Files.readString(project.resolve("upstream-cache/curl/files/curl.spec"))).isEqualTo("Name: curl\nVersion: 8.11\n");
    CliRun again = run("fetch", "-a");
    assertThat(again.out()).contains("curl       unchanged", "bash       unchanged");
  }

  @Test
  void fetchStoresTheHistoryFactsReleaseNeedsInTheEntry() throws Exception {
    assertThat(run("fetch", "curl").exitCode()).isZero();
    dev.rpmoverlay.upstream.CacheEntry e = dev.rpmoverlay.upstream.UpstreamCache.open(project.resolve("upstream-cache")).entry("curl");
    assertThat(e.metadata().historyFile()).contains("history.json");
    var facts = dev.rpmoverlay.release.HistoryFactsJson.read(new String(e.historyFacts().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(facts.head()).isEqualTo(e.metadata().commit());
    assertThat(facts.specFile()).isEqualTo("curl.spec");
    assertThat(facts.commits()).extracting(c -> c.id()).contains(curlOld.name());
  }

  @Test
  void updateWritesLocksAndCheckPassesUntilTheConfigChanges() throws Exception {
    CliRun update = run("update", "-a");
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out()).contains("curl       updated");
    String lock = Files.readString(project.resolve("locks/curl.lock"));
    assertThat(lock).contains("upstream-commit = \"").contains("input-fingerprint = \"sha256:");
    assertThat(run("update", "--check", "-a").exitCode()).isZero();

    writeProject("zstd-devel", "2026-02-24T00:00:00-08:00");
    CliRun stale = run("update", "--check", "-a");
    assertThat(stale.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(stale.out()).contains("curl       stale").doesNotContain("bash");
    assertThat(stale.err()).contains("component 'curl'", "input fingerprint differs", "rpmoverlay update curl");
  }

  @Test
  void checkListsOnlyStaleComponentsUnlessVerbose() throws Exception {
    run("update", "-a");
    writeProject("zstd-devel", "2026-02-24T00:00:00-08:00");

    assertThat(run("update", "--check", "-a").out()).doesNotContain("bash").contains("1 stale");
    assertThat(run("update", "--check", "-a", "-v").out()).contains("curl       stale", "bash       ok");
  }

  @Test
  void checkSuggestsNoRenderOption() throws Exception {
    run("update", "-a");
    writeProject("zstd-devel", "2026-02-24T00:00:00-08:00");

    assertThat(run("update", "--check", "-a").err()).doesNotContain("--skip-lock-validation");
  }

  @Test
  void aNewSnapshotIsReResolvedByUpdateAndTheLockIsHonouredByFetch() throws Exception {
    run("update", "-a");
    assertThat(Files.readString(project.resolve("locks/curl.lock"))).doesNotContain(curlNew.name());
    writeProject("zlib-devel", "2026-04-01T00:00:00Z");
    CliRun update = run("update", "curl");
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(Files.readString(project.resolve("locks/curl.lock"))).contains("upstream-commit = \"" + curlNew.name() + "\"");
    assertThat(Files.readString(project.resolve("upstream-cache/curl/files/curl.spec"))).contains("Version: 8.12");
    assertThat(Files.readString(project.resolve("locks/curl.lock"))).contains("import-commit = \"");
  }

  @Test
  void updateListsOverlaysThatNoLongerApplyToTheNewUpstream() throws Exception {
    String overlays = "{ type = \"spec-search-replace\", description = \"pin version\", regex = \"Version: 8\\\\.11\", replacement = \"Version: 8.11.1\" },"
        + " { type = \"spec-add-tag\", tag = \"BuildRequires\", value = \"zlib-devel\" }";
    writeProjectWithOverlays("2026-02-24T00:00:00-08:00", overlays);
    CliRun before = run("update", "-a");
    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(before.out()).contains("apply");

    writeProjectWithOverlays("2026-04-01T00:00:00Z", overlays);
    CliRun after = run("update", "-a");
    assertThat(after.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(after.out()).containsPattern("curl +kept +" + curlNew.name().substring(0, 12) + " +\\w{12} +1 fail");
    assertThat(after.err()).contains("overlay no longer applies: component curl: overlay #1 (spec-search-replace \"pin version\"");
    assertThat(after.err()).containsPattern("overlay #1 \\(spec-search-replace \"pin version\", [^)]*azldev.toml:\\d+:\\d+\\):"
        + " pattern \"Version: 8\\\\\\.11\" not found in the spec; nearest lines in the spec: 2: \"Version: 8.12\"");
  }

  String brokenByTheNewUpstream() throws Exception {
    String overlays = "{ type = \"spec-search-replace\", description = \"pin version\", regex = \"Version: 8\\\\.11\", replacement = \"Version: 8.11.1\" }";
    writeProjectWithOverlays("2026-02-24T00:00:00-08:00", overlays);
    assertThat(run("update", "-a").exitCode()).isZero();
    writeProjectWithOverlays("2026-04-01T00:00:00Z", overlays);
    return Files.readString(project.resolve("locks/curl.lock"));
  }

  @Test
  void anUpdateWhoseOverlaysFailKeepsTheOldLockAndCacheEntry() throws Exception {
    String lockBefore = brokenByTheNewUpstream();

    CliRun after = run("update", "-a");

    assertThat(after.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(after.err()).contains("lock and cache entry kept at ", "--accept-failing-overlays");
    assertThat(Files.readString(project.resolve("locks/curl.lock"))).isEqualTo(lockBefore);
    assertThat(Files.readString(project.resolve("upstream-cache/curl/files/curl.spec"))).contains("Version: 8.11");
    assertThat(run("update", "-a", "--check").exitCode()).as("the kept lock is stale for the moved snapshot").isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void acceptFailingOverlaysTakesTheNewUpstreamAnyway() throws Exception {
    brokenByTheNewUpstream();

    CliRun after = run("update", "-a", "--accept-failing-overlays");

    assertThat(after.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(Files.readString(project.resolve("locks/curl.lock"))).contains("upstream-commit = \"" + curlNew.name() + "\"");
    assertThat(Files.readString(project.resolve("upstream-cache/curl/files/curl.spec"))).contains("Version: 8.12");
  }

  @Test
  void updateAllPrunesTheLockOfARemovedComponentAndCheckFailsOnIt() throws Exception {
    assertThat(run("update", "-a").exitCode()).isZero();
    Files.copy(project.resolve("locks/bash.lock"), project.resolve("locks/removed-package.lock"));

    CliRun check = run("update", "-a", "--check");
    CliRun partial = run("update", "bash");
    boolean keptByPartial = Files.exists(project.resolve("locks/removed-package.lock"));
    CliRun all = run("update", "-a");

    assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(check.err()).contains("removed-package.lock belongs to no component", "'rpmoverlay update -a' deletes it");
    assertThat(partial.exitCode()).isZero();
    assertThat(keptByPartial).as("update NAME never prunes").isTrue();
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.err()).contains("removed lock of a component that no longer exists: removed-package");
    assertThat(project.resolve("locks/removed-package.lock")).doesNotExist();
  }

  CliRun render(String... args) {
    String[] withProject = new String[args.length + 4];
    withProject[0] = "render";
    withProject[1] = "-C";
    withProject[2] = project.toString();
    withProject[3] = "-q";
    System.arraycopy(args, 0, withProject, 4, args.length);
    return CliRun.of(withProject);
  }

  @Test
  void renderRefusesComponentsWithoutLocksAndSaysWhatToRun() throws Exception {
    assertThat(run("fetch", "-a").exitCode()).isZero();
    CliRun r = render("-a");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("2 lock problem(s)", "component 'bash' has no lock file", "run 'rpmoverlay update bash'",
        "--skip-lock-validation").doesNotContain("Exception");
    assertThat(project.resolve("rendered")).doesNotExist();
  }

  @Test
  void renderPassesTheGateOnceUpdateWroteCurrentLocks() throws Exception {
    assertThat(run("update", "-a").exitCode()).isZero();
    CliRun r = render("-a");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void renderRefusesALockMadeStaleByAConfigChangeUnlessToldToSkipTheCheck() throws Exception {
    assertThat(run("update", "-a").exitCode()).isZero();
    writeProject("zstd-devel", "2026-02-24T00:00:00-08:00");
    CliRun refused = render("curl");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("component 'curl'", "input fingerprint differs", "rpmoverlay update curl");
    CliRun skipped = render("curl", "--skip-lock-validation");
    assertThat(skipped.exitCode()).as(skipped.err()).isZero();
  }

  @Test
  void aTamperedCachedFileIsReportedByACheckThatRendersEverything() throws Exception {
    assertThat(run("update", "-a").exitCode()).isZero();
    assertThat(render("-a").exitCode()).isZero(); // leaves incremental state behind
    Path spec = project.resolve("upstream-cache/curl/files/curl.spec");
    Files.writeString(spec, Files.readString(spec) + "# tampered\n");

    CliRun check = render("-a", "--check", "--no-incremental");

    assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(check.out() + check.err()).contains("upstream cache entry for component 'curl' is corrupt: files/curl.spec has SHA-256");
  }

  @Test
  void renderRefusesALockWhoseSnapshotMoved() throws Exception {
    assertThat(run("update", "-a").exitCode()).isZero();
    writeProject("zlib-devel", "2026-04-01T00:00:00Z");
    CliRun r = render("bash");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("component 'bash'", "upstream selection (snapshot");
  }

  @Test
  void renderOfAllComponentsRefusesALockThatBelongsToNoComponent() throws Exception {
    assertThat(run("update", "-a").exitCode()).isZero();
    Files.copy(project.resolve("locks/bash.lock"), project.resolve("locks/removed-package.lock"));
    CliRun all = render("-a");
    assertThat(all.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(all.err()).contains("removed-package.lock belongs to no component", "delete it");
    assertThat(render("bash").exitCode()).as("a selection does not judge other locks").isZero();
  }

  @Test
  void aLockWrittenInAnotherCompatModeIsStaleAndTheFixNamesTheMode() throws Exception {
    assertThat(run("update", "-a").exitCode()).isZero();
    CliRun r = render("curl", "--compat", "azldev-2026-04");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("run 'rpmoverlay update --compat azldev-2026-04 curl'");
  }

  @Test
  void aDistGitMirrorChangesWhereUpdateFetchesButNotWhatTheLockAndCacheRecord() throws Exception {
    distGitBase = "https://dist-git.example.invalid/rpms/";
    writeProject("zlib-devel", "2026-02-24T00:00:00-08:00");
    CliRun update = run("update", "-a", "--dist-git-mirror", distGitBase + "=" + server.toUri());
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(Files.readString(project.resolve("upstream-cache/curl/upstream.toml")))
        .contains("url = \"https://dist-git.example.invalid/rpms/curl\"").doesNotContain(server.toUri().toString());
    assertThat(run("update", "--check", "-a").exitCode()).as("the locks match the configured URL").isZero();
    assertThat(render("-a").exitCode()).isZero();
  }

  @Test
  void aFetchThroughAMirrorNamesBothUrlsWhenTheRepositoryIsMissing() throws Exception {
    distGitBase = "https://dist-git.example.invalid/rpms/";
    writeProject("zlib-devel", "2026-02-24T00:00:00-08:00");
    CliRun r = run("fetch", "bash", "--network-retries", "0", "--dist-git-mirror", distGitBase + "=" + tmp.resolve("empty-mirror") + "/");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("https://dist-git.example.invalid/rpms/bash", "fetched from mirror file://" + tmp.resolve("empty-mirror") + "/bash");
  }

  @Test
  void aMalformedMirrorRuleIsAUsageError() {
    CliRun r = run("fetch", "bash", "--dist-git-mirror", "no-equals-sign");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--dist-git-mirror: expected URL_PREFIX=MIRROR_PREFIX, got 'no-equals-sign'");
  }

  @Test
  void checkReportsACacheEntryThatDoesNotHoldTheLockedCommit() throws Exception {
    run("update", "-a");
    com.google.common.io.MoreFiles.deleteRecursively(project.resolve("upstream-cache/bash"));
    CliRun check = run("update", "--check", "-a");
    assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(check.err()).contains("component 'bash': the upstream cache has no entry", "rpmoverlay fetch bash");
  }

  @Test
  void fetchWithSourcesDownloadsVerifiedLookasideFilesOnce() throws Exception {
    CliRun r = run("fetch", "curl", "--with-sources", "--sources-dir", tmp.resolve("src").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("src/curl/curl-8.11.tar.xz"))).isEqualTo(TARBALL);
    int hits = lookasideHits.get();
    run("fetch", "curl", "--with-sources", "--sources-dir", tmp.resolve("src").toString());
    assertThat(lookasideHits.get()).isEqualTo(hits);
  }

  @Test
  void aMissingBranchFailsOnlyThatComponentWithExitCode1() throws Exception {
    try (Git git = Git.open(server.resolve("bash").toFile())) {
      git.branchRename().setOldName("f43").setNewName("rawhide").call();
    }
    CliRun r = run("fetch", "-a");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("bash       failed", "curl       written");
    assertThat(r.err()).contains("rpmoverlay: error: component 'bash'", "no branch 'f43'");
  }
}
