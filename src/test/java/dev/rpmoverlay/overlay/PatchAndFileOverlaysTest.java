package dev.rpmoverlay.overlay;

import static dev.rpmoverlay.overlay.Overlays.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.Overlay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchAndFileOverlaysTest {
  @TempDir Path comp;
  Workspace ws;
  final OverlayEngine engine = new OverlayEngine(Compat.AZLDEV_2026_04);

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(comp.resolve("fix.patch"), "--- a\n+++ b\n");
    Files.writeString(comp.resolve("extra.cfg"), "x=1\n");
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", file("Name: demo\nPatch0: a.patch\nPatch1: https://example.com/x/a39db.patch\n\n%description\nd\n"));
    tree.put("a.patch", file("a\n"));
    tree.put("a39db.patch", file("b\n"));
    tree.put("run.sh", new TreeFile("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), true));
    tree.put("conf/one.conf", file("enabled=1\n"));
    tree.put("conf/two.conf", file("enabled=1\n"));
    tree.put("run-vmblock\\x2dfuse.mount", file("[Mount]\n"));
    tree.put(".git/config", file("[core]\n"));
    ws = Workspace.fromTree("demo", "demo", tree);
  }

  static TreeFile file(String text) {
    return new TreeFile(text.getBytes(StandardCharsets.UTF_8), false);
  }

  String text(String path) {
    return new String(ws.files().get(path).orElseThrow().content(), StandardCharsets.UTF_8);
  }

  void apply(Overlay o) {
    engine.apply(ws, o);
  }

  Overlay.PatchAdd patchAdd(String source, String file, String pkg) {
    return new Overlay.PatchAdd(info(comp.resolve("demo.comp.toml"), "add patch"), source, file, pkg);
  }

  Overlay.FileAdd fileAdd(String file, String source) {
    return new Overlay.FileAdd(info(comp.resolve("demo.comp.toml"), "add file"), file, source);
  }

  @Test
  void patchAddNumbersAfterTheHighestPatchAndCopiesTheFile() {
    apply(patchAdd("fix.patch", "", ""));
    assertThat(ws.spec().render()).contains("\n\nPatch2: fix.patch\n%description\n");
    assertThat(text("fix.patch")).isEqualTo("--- a\n+++ b\n");
  }

  @Test
  void patchAddCountsBarePatchTagsFromZero() {
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", file("Name: demo\nPatch: a.patch\nPatch: b.patch\nPatch: c.patch\n%description\n"));
    ws = Workspace.fromTree("demo", "demo", tree);
    apply(patchAdd("fix.patch", "renamed.patch", ""));
    assertThat(ws.spec().render()).contains("Patch3: renamed.patch\n%description");
    assertThat(ws.files().contains("renamed.patch")).isTrue();
  }

  @Test
  void patchAddAppendsToPatchlistWhenThereIsOne() {
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", file("Name: demo\n%description\nd\n%patchlist\na.patch\n\n%prep\n"));
    ws = Workspace.fromTree("demo", "demo", tree);
    apply(patchAdd("fix.patch", "", "devel"));
    assertThat(ws.spec().render()).contains("%patchlist\na.patch\n\nfix.patch\n%prep\n");
  }

  @Test
  void patchAddFailsWhenTheDestinationExists() {
    assertThatThrownBy(() -> apply(patchAdd("fix.patch", "a.patch", "")))
        .hasMessageEndingWith("): destination 'a.patch' already exists");
  }

  @Test
  void patchRemoveDropsMatchingTagsIncludingUrlsAndTheirFiles() {
    apply(patchRemove("**/a39db.patch"));
    assertThat(ws.spec().render()).doesNotContain("a39db");
    assertThat(ws.files().contains("a39db.patch")).isFalse();
    assertThat(ws.files().contains("a.patch")).isTrue();
  }

  @Test
  void patchRemoveFailsWhenNoSpecReferenceMatches() {
    assertThatThrownBy(() -> apply(patchRemove("zzz*.patch")))
        .hasMessageEndingWith("): no Patch tag or %patchlist entry matches 'zzz*.patch'");
  }

  @Test
  void filePrependLinesPrependsToEveryMatch() {
    apply(filePrepend("conf/*.conf", "# managed", "# by azl"));
    assertThat(text("conf/one.conf")).isEqualTo("# managed\n# by azl\nenabled=1\n");
    assertThat(text("conf/two.conf")).isEqualTo("# managed\n# by azl\nenabled=1\n");
  }

  @Test
  void filePrependLinesRefusesTheSpec() {
    assertThatThrownBy(() -> apply(filePrepend("demo.spec", "x")))
        .hasMessageEndingWith("): 'demo.spec' targets a spec file; use spec-* overlays to edit the spec");
  }

  @Test
  void fileSearchReplaceIsWholeFileAndLiteralAndKeepsTheMode() {
    apply(fileReplace("**/*", "(?m)^echo (hi)$", "echo $1"));
    assertThat(text("run.sh")).isEqualTo("#!/bin/sh\necho $1\n");
    assertThat(ws.files().get("run.sh").orElseThrow().executable()).isTrue();
  }

  @Test
  void fileSearchReplaceDoesNotSeeGitMetadataOrTheSpec() {
    assertThatThrownBy(() -> apply(fileReplace("**/*", "core|Name: demo", "x")))
        .hasMessageEndingWith("): pattern \"core|Name: demo\" changed no file matching '**/*'");
  }

  @Test
  void fileSearchReplaceFailsWhenNoFileMatches() {
    assertThatThrownBy(() -> apply(fileReplace("*.ini", "x", "y")))
        .hasMessageEndingWith("): no file matches '*.ini'");
  }

  @Test
  void fileAddCopiesFromTheDeclaringFilesDirectory() {
    apply(fileAdd("cfg/extra.cfg", "extra.cfg"));
    assertThat(text("cfg/extra.cfg")).isEqualTo("x=1\n");
  }

  @Test
  void fileAddFailsWhenTheDestinationExists() {
    assertThatThrownBy(() -> apply(fileAdd("a.patch", "extra.cfg")))
        .hasMessageEndingWith("): destination 'a.patch' already exists; remove it first with a file-remove overlay");
  }

  @Test
  void fileAddCannotEscapeTheComponentDirectory() {
    assertThatThrownBy(() -> apply(fileAdd("../evil", "extra.cfg")))
        .hasMessageEndingWith("): destination '../evil' is not a relative path inside the component directory");
  }

  @Test
  void fileAddReportsAMissingSource() {
    assertThatThrownBy(() -> apply(fileAdd("new.cfg", "missing.cfg")))
        .hasMessageContaining("cannot read 'missing.cfg'");
  }

  @Test
  void fileRemoveDeletesEveryMatch() {
    apply(fileRemove("conf/**"));
    assertThat(ws.files().files().keySet()).noneMatch(p -> p.startsWith("conf/"));
  }

  @Test
  void fileRemoveFailsWithoutAMatch() {
    assertThatThrownBy(() -> apply(fileRemove("nothing/*"))).hasMessageEndingWith("): no file matches 'nothing/*'");
  }

  @Test
  void fileRenameTreatsABackslashBeforeANonMetaCharacterLiterally() {
    apply(fileRename("run-vmblock\\x2dfuse.mount", "run-vmblock-fuse.mount.in"));
    assertThat(text("run-vmblock-fuse.mount.in")).isEqualTo("[Mount]\n");
    assertThat(ws.files().contains("run-vmblock\\x2dfuse.mount")).isFalse();
  }

  @Test
  void fileRenameKeepsTheDirectory() {
    apply(fileRename("conf/one.conf", "uno.conf"));
    assertThat(ws.files().contains("conf/uno.conf")).isTrue();
  }

  @Test
  void fileRenameNeedsExactlyOneMatch() {
    assertThatThrownBy(() -> apply(fileRename("conf/*.conf", "x.conf")))
        .hasMessageEndingWith("): 'conf/*.conf' matches 2 files, but file-rename needs exactly one: conf/one.conf, conf/two.conf");
  }

  @Test
  void archiveOverlaysAreSkippedByRenderBecauseNoTarballIsPresent() {
    SourceTree before = ws.files().copy();
    apply(new Overlay.FileRemove(info("drop from tarball"), "docs/**", java.util.Optional.of("demo-1.0.tar.gz")));
    assertThat(ws.files().files()).isEqualTo(before.files());
  }
}
