package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render -a} after a render that wrote everything decides "nothing changed" from stamps
 * alone ({@link RenderShortcut}); every kind of input edited afterwards must still be noticed.
 */
class RenderShortcutTest {
  private static final String SHORTCUT = "unchanged stamps (shortcut)";
  /** The record's listing of comps/hello (under its parent's line), up to its names. */
  private static final String HELLO_LISTING = "(?m)^(dir\t\\d+\thello\t\\d+\t\\d+\t)(?=hello.spec/)";

  @TempDir Path project;
  Path out;

  @BeforeEach
  void writeProject() throws Exception {
    out = project.resolve("out");
    Files.writeString(project.resolve("azldev.toml"), """
        [project]
        default-distro = { name = "demo", version = "1" }

        [distros.demo]
        default-version = "1"
        [distros.demo.versions.1]
        release-ver = "1"
        dist-git-branch = "main"

        [components.hello]
        spec = { type = "local", path = "comps/hello" }

        [[components.hello.overlays]]
        type = "spec-add-tag"
        tag = "BuildRequires"
        value = "gcc"
        description = "needs a compiler"

        [[components.hello.overlays]]
        type = "file-add"
        file = "extra.conf"
        source = "files/extra.conf"
        description = "ships a config file"

        # a spec file, not a dir: no input fingerprint, so it renders every time, yet the shortcut still applies
        [components.single]
        spec = { type = "local", path = "comps/single/single.spec" }

        [components.broken]
        spec = { type = "local", path = "comps/broken" }

        [[components.broken.overlays]]
        type = "spec-search-replace"
        regex = "^no such line$"
        description = "stale overlay"
        """);
    for (String name : new String[] {"hello", "broken"}) {
      Path dir = Files.createDirectories(project.resolve("comps").resolve(name));
      String sources = "Source0: " + name + ".txt\n" + (name.equals("hello") ? "Source1: extra.conf\n" : "");
      Files.writeString(dir.resolve(name + ".spec"), "Name: " + name + "\nRelease: 1%{?dist}\n" + sources + "\n%description\nd\n");
      Files.writeString(dir.resolve(name + ".txt"), "data\n");
    }
    Files.createDirectories(project.resolve("comps/single"));
    Files.writeString(project.resolve("comps/single/single.spec"), "Name: single\nRelease: 1%{?dist}\n\n%description\nd\n");
    Files.createDirectories(project.resolve("files"));
    Files.writeString(project.resolve("files/extra.conf"), "key = 1\n");
    settle();
    assertThat(render("-a").exitCode()).isEqualTo(1); // 'broken' fails: its failure marker is part of the output
    settle();
    render("-a"); // the inputs are now older than the run: this one records its stamps
    settle();
  }

  CliRun render(String... args) {
    String[] all = new String[args.length + 7];
    all[0] = "-C";
    all[1] = project.toString();
    all[2] = "render";
    System.arraycopy(args, 0, all, 3, args.length);
    all[args.length + 3] = "-o";
    all[args.length + 4] = out.toString();
    all[args.length + 5] = "--timings";
    all[args.length + 6] = "--no-lint";
    return CliRun.of(all);
  }

  /** Lets the file-system clock move past the last write (records are refused for files changed during a run). */
  static void settle() throws InterruptedException {
    Thread.sleep(120);
  }

  @Test
  void aNoOpCheckIsDecidedFromStampsAndReportsWhatTheFullCheckReports() {
    CliRun fast = render("-a", "--check");
    assertThat(fast.err()).contains(SHORTCUT);
    CliRun full = render("-a", "--check", "--no-incremental");
    assertThat(full.err()).doesNotContain(SHORTCUT);
    assertThat(fast.exitCode()).isEqualTo(full.exitCode()).isZero();
    assertThat(fast.out()).isEqualTo(full.out()).contains("broken");
    assertThat(withoutTimings(fast.err())).isEqualTo(withoutTimings(full.err())).contains("3 components: 2 up to date, 1 failed");
  }

  @Test
  void aNoOpRenderIsDecidedFromStampsAndSaysWhatTheIncrementalRenderSays() throws IOException {
    CliRun fast = render("-a");
    assertThat(fast.err()).contains(SHORTCUT);
    Files.delete(out.resolve(RenderShortcut.FILE_NAME));
    CliRun slow = render("-a");
    assertThat(slow.err()).doesNotContain(SHORTCUT);
    assertThat(fast.exitCode()).isEqualTo(slow.exitCode()).isEqualTo(1);
    assertThat(fast.out()).isEqualTo(slow.out());
    assertThat(withoutTimings(fast.err())).isEqualTo(withoutTimings(slow.err())).contains("1 failed");
  }

  @Test
  void anErrorBeyondAsciiIsReplayedAsTheFullCheckReportsItAndTheRecordStaysAscii() throws Exception {
    replace(project.resolve("azldev.toml"), "description = \"stale overlay\"", "description = \"stale \u2014 na\u00efve \u65e5\u672c \\\\u2014\"");
    settle();
    render("-a");
    settle();
    CliRun fast = render("-a", "--check");
    assertThat(fast.err()).contains(SHORTCUT);
    CliRun full = render("-a", "--check", "--no-incremental");
    assertThat(fast.out()).isEqualTo(full.out()).contains("stale \u2014 na\u00efve \u65e5\u672c \\u2014");
    assertThat(withoutTimings(fast.err())).isEqualTo(withoutTimings(full.err()));
    // one byte per character in memory: a non-Latin-1 character would make the JVM hold it as UTF-16
    assertThat(java.nio.charset.StandardCharsets.US_ASCII.newEncoder().canEncode(Files.readString(out.resolve(RenderShortcut.FILE_NAME))))
        .isTrue();
  }

  @Test
  void anEditedSpecIsNoticed() throws Exception {
    append(project.resolve("comps/hello/hello.spec"), "%changelog\n");
    assertDrift();
  }

  @Test
  void anEditedConfigFileIsNoticed() throws Exception {
    replace(project.resolve("azldev.toml"), "value = \"gcc\"", "value = \"clang\"");
    assertDrift();
  }

  @Test
  void anEditedOverlaySourceFileIsNoticed() throws Exception {
    Files.writeString(project.resolve("files/extra.conf"), "key = 2\n");
    assertDrift();
  }

  @Test
  void aNewFileInALocalSpecDirIsNoticed() throws Exception {
    Files.writeString(project.resolve("comps/hello/hello.patch"), "patch\n");
    assertThat(render("-a", "--check").err()).doesNotContain(SHORTCUT);
  }

  @Test
  void aRenderIntoAnotherOutputDirStartsFromTheKeptInputListingsAndSeesAFileAddedSince() throws Exception {
    assertThat(project.resolve("build/work").resolve(KeptInputListings.FILE_NAME)).isRegularFile();
    Path patch = project.resolve("comps/hello/hello.patch");
    Files.writeString(patch, "patch\n");
    settle();
    out = project.resolve("other-out"); // no record of its own: its input scan starts from the kept listings
    render("-a");
    settle();
    assertThat(render("-a", "--check").err()).contains(SHORTCUT); // recorded, with the patch among the stamps
    Files.delete(patch);
    settle();

    assertThat(render("-a", "--check").err()).doesNotContain(SHORTCUT); // a listing without the patch would replay
  }

  @Test
  void anOutputFileEditedByHandIsNoticed() throws Exception {
    append(out.resolve("h/hello/hello.spec"), "# hand edit\n");
    assertDrift();
  }

  @Test
  void anOutputFileEditedWithItsOldTimeRestoredIsNoticed() throws Exception {
    Path spec = out.resolve("h/hello/hello.spec");
    FileTime before = Files.getLastModifiedTime(spec);
    String text = Files.readString(spec);
    Files.writeString(spec, text.replace("gcc", "gcx")); // same size
    Files.setLastModifiedTime(spec, before);
    assertDrift();
  }

  @Test
  void aDeletedOutputDirIsNoticed() throws Exception {
    Files.delete(out.resolve("h/hello/hello.spec"));
    assertDrift();
  }

  @Test
  void aFileTouchedButLeftIdenticalRendersNothingAndTheShortcutComesBack() throws Exception {
    Path spec = project.resolve("comps/hello/hello.spec");
    Files.setLastModifiedTime(spec, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    settle();
    CliRun check = render("-a", "--check");
    assertThat(check.err()).doesNotContain(SHORTCUT); // a stamp moved: the ordinary path compares contents
    assertThat(check.exitCode()).isZero();
    CliRun again = render("-a");
    assertThat(again.out()).doesNotContain("hello");
    assertThat(again.err()).contains("0 rendered").doesNotContain(SHORTCUT);
    settle();
    assertThat(render("-a", "--check").err()).contains(SHORTCUT);
  }

  @Test
  void aFileAddedToADirectoryWhoseListingWasRecordedIsNoticed() throws Exception {
    assertThat(Files.readString(out.resolve(RenderShortcut.FILE_NAME))).containsPattern(HELLO_LISTING);
    Files.writeString(project.resolve("comps/hello/hello.patch"), "new\n");
    settle();
    assertThat(render("-a", "--check").err()).doesNotContain(SHORTCUT);
  }

  @Test
  void aFileRemovedFromADirectoryWhoseListingWasRecordedIsNoticed() throws Exception {
    Files.delete(project.resolve("files/extra.conf"));
    settle();
    assertThat(render("-a", "--check").err()).doesNotContain(SHORTCUT);
  }

  @Test
  void aRecordedListingIsTrustedWhileItsDirectorysStampHasNotMoved() throws Exception {
    // Proof that the check reads the record's listing rather than the directory: a listing with
    // a name the directory never held, under the directory's true stamp, makes the digest differ.
    Path file = out.resolve(RenderShortcut.FILE_NAME);
    String record = Files.readString(file);
    assertThat(record).containsPattern(HELLO_LISTING);
    assertThat(render("-a", "--check").err()).contains(SHORTCUT);
    Files.writeString(file, record.replaceFirst(HELLO_LISTING, "$1ghost/"));
    assertThat(render("-a", "--check").err()).doesNotContain(SHORTCUT);
  }

  @Test
  void aDamagedOutcomeUnderMatchingStampsTakesTheOrdinaryPath() throws Exception {
    Path file = out.resolve(RenderShortcut.FILE_NAME);
    String record = Files.readString(file);
    assertThat(record).contains("component\thello\tOK\t");
    Files.writeString(file, record.replace("component\thello\tOK\t", "component\thello\tNO_SUCH_STATUS\t"));
    CliRun check = render("-a", "--check");
    assertThat(check.err()).doesNotContain(SHORTCUT).contains("3 components: 2 up to date, 1 failed");
    assertThat(check.exitCode()).isZero();
  }

  @Test
  void aRecordWrittenByOtherCodeIsNotUsed() throws Exception {
    Path file = out.resolve(RenderShortcut.FILE_NAME);
    Path code = Path.of(RenderShortcut.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    Path otherJar = Files.writeString(project.resolve("other.jar"), "another build\n");
    settle();
    Files.writeString(file, Files.readString(file).replace("root\t" + code + "\n", "root\t" + otherJar + "\n"));
    assertThat(render("-a", "--check").err()).doesNotContain(SHORTCUT);
  }

  @Test
  void aCheckFromAnotherWorkingDirectoryUsesTheSameRecord() throws Exception {
    Process child = dev.rpmoverlay.testing.ChildJvm.builder(Main.class, List.of("-C", project.toString(), "render", "-a", "--check",
        "-o", out.toString(), "--timings", "--no-lint")).directory(project.resolve("comps").toFile()).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(output).contains(SHORTCUT).contains("3 components: 2 up to date, 1 failed");
    assertThat(child.waitFor()).isEqualTo(render("-a", "--check").exitCode());
  }

  @Test
  void otherOptionsDoNotUseTheRecord() {
    assertThat(render("-a", "--check", "--compat", "azldev-2026-04").err()).doesNotContain(SHORTCUT);
    assertThat(render("hello", "--check").err()).doesNotContain(SHORTCUT);
  }

  private void assertDrift() throws InterruptedException {
    settle();
    CliRun check = render("-a", "--check");
    assertThat(check.err()).doesNotContain(SHORTCUT);
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("hello").contains("drift");
  }

  private static String withoutTimings(String err) {
    return err.replaceAll("(?m)^timing:.*\n", "");
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, Files.readString(file) + text);
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
