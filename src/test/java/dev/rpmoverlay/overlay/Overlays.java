package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds overlays the way config resolves them, for tests: index 0, declared in {@code comp.toml}. */
final class Overlays {
  static final Path DECLARED_IN = Path.of("comps/demo/demo.comp.toml");

  private Overlays() {}

  static OverlayInfo info(String description) {
    return new OverlayInfo(0, description, Optional.empty(), new SourcePosition(DECLARED_IN, 3, 1));
  }

  static OverlayInfo info(Path declaredIn, String description) {
    return new OverlayInfo(0, description, Optional.empty(), SourcePosition.of(declaredIn));
  }

  static Overlay.SpecAddTag addTag(String tag, String value, String pkg) {
    return new Overlay.SpecAddTag(info("add"), tag, value, pkg);
  }

  static Overlay.SpecInsertTag insertTag(String tag, String value, String pkg) {
    return new Overlay.SpecInsertTag(info("insert"), tag, value, pkg);
  }

  static Overlay.SpecSetTag setTag(String tag, String value, String pkg) {
    return new Overlay.SpecSetTag(info("set"), tag, value, pkg);
  }

  static Overlay.SpecUpdateTag updateTag(String tag, String value, String pkg) {
    return new Overlay.SpecUpdateTag(info("update"), tag, value, pkg);
  }

  static Overlay.SpecRemoveTag removeTag(String tag, String value, String pkg) {
    return new Overlay.SpecRemoveTag(info("remove"), tag, value, pkg);
  }

  static Overlay.SpecPrependLines prepend(String section, String pkg, String... lines) {
    return new Overlay.SpecPrependLines(info("prepend"), section, pkg, List.of(lines));
  }

  static Overlay.SpecAppendLines append(String section, String pkg, String... lines) {
    return new Overlay.SpecAppendLines(info("append"), section, pkg, List.of(lines));
  }

  static Overlay.SpecSearchReplace searchReplace(String section, String pkg, String regex, String replacement) {
    return new Overlay.SpecSearchReplace(info("replace"), section, pkg, regex, replacement);
  }

  static Overlay.SpecRemoveSection removeSection(String section, String pkg) {
    return new Overlay.SpecRemoveSection(info("drop section"), section, pkg);
  }

  static Overlay.SpecRemoveSubpackage removeSubpackage(String pkg) {
    return new Overlay.SpecRemoveSubpackage(info("drop subpackage"), pkg);
  }

  static Overlay.PatchRemove patchRemove(String glob) {
    return new Overlay.PatchRemove(info("drop patch"), glob);
  }

  static Overlay.FilePrependLines filePrepend(String glob, String... lines) {
    return new Overlay.FilePrependLines(info("file prepend"), glob, List.of(lines));
  }

  static Overlay.FileSearchReplace fileReplace(String glob, String regex, String replacement) {
    return new Overlay.FileSearchReplace(info("file replace"), glob, regex, replacement, Optional.empty());
  }

  static Overlay.FileRemove fileRemove(String glob) {
    return new Overlay.FileRemove(info("file remove"), glob, Optional.empty());
  }

  static Overlay.FileRename fileRename(String glob, String newName) {
    return new Overlay.FileRename(info("file rename"), glob, newName);
  }
}
