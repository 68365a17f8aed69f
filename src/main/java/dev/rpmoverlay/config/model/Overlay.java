package dev.rpmoverlay.config.model;

import java.util.List;
import java.util.Optional;

/**
 * One overlay of a component, as declared in TOML (docs/azldev-compatibility.md §2.2). Field names
 * follow the TOML keys; optional string fields are empty strings when absent, as in azldev.
 * {@code pkg} is the TOML {@code package} key.
 */
public sealed interface Overlay {

  OverlayInfo info();

  /** The TOML {@code type} string, e.g. {@code spec-add-tag}. */
  String type();

  /** The same overlay with other common data (config uses it to number overlays after inheritance). */
  Overlay withInfo(OverlayInfo info);

  record SpecAddTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-add-tag"; }
    public SpecAddTag withInfo(OverlayInfo info) { return new SpecAddTag(info, tag, value, pkg); }
  }

  record SpecInsertTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-insert-tag"; }
    public SpecInsertTag withInfo(OverlayInfo info) { return new SpecInsertTag(info, tag, value, pkg); }
  }

  record SpecSetTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-set-tag"; }
    public SpecSetTag withInfo(OverlayInfo info) { return new SpecSetTag(info, tag, value, pkg); }
  }

  record SpecUpdateTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-update-tag"; }
    public SpecUpdateTag withInfo(OverlayInfo info) { return new SpecUpdateTag(info, tag, value, pkg); }
  }

  /** {@code value} empty = remove regardless of value. */
  record SpecRemoveTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-remove-tag"; }
    public SpecRemoveTag withInfo(OverlayInfo info) { return new SpecRemoveTag(info, tag, value, pkg); }
  }

  /** {@code section} empty = whole file (see the compatibility mode for its exact meaning). */
  record SpecPrependLines(OverlayInfo info, String section, String pkg, List<String> lines) implements Overlay {
    public SpecPrependLines { lines = List.copyOf(lines); }
    public String type() { return "spec-prepend-lines"; }
    public SpecPrependLines withInfo(OverlayInfo info) { return new SpecPrependLines(info, section, pkg, lines); }
  }

  record SpecAppendLines(OverlayInfo info, String section, String pkg, List<String> lines) implements Overlay {
    public SpecAppendLines { lines = List.copyOf(lines); }
    public String type() { return "spec-append-lines"; }
    public SpecAppendLines withInfo(OverlayInfo info) { return new SpecAppendLines(info, section, pkg, lines); }
  }

  /** {@code regex} follows RE2 rules; {@code replacement} is literal (empty = delete the match). */
  record SpecSearchReplace(OverlayInfo info, String section, String pkg, String regex, String replacement) implements Overlay {
    public String type() { return "spec-search-replace"; }
    public SpecSearchReplace withInfo(OverlayInfo info) { return new SpecSearchReplace(info, section, pkg, regex, replacement); }
  }

  record SpecRemoveSection(OverlayInfo info, String section, String pkg) implements Overlay {
    public String type() { return "spec-remove-section"; }
    public SpecRemoveSection withInfo(OverlayInfo info) { return new SpecRemoveSection(info, section, pkg); }
  }

  record SpecRemoveSubpackage(OverlayInfo info, String pkg) implements Overlay {
    public String type() { return "spec-remove-subpackage"; }
    public SpecRemoveSubpackage withInfo(OverlayInfo info) { return new SpecRemoveSubpackage(info, pkg); }
  }

  /** {@code source} is absolute (config resolved it against the declaring file); {@code file} = destination name (empty = basename of source). */
  record PatchAdd(OverlayInfo info, String source, String file, String pkg) implements Overlay {
    public String type() { return "patch-add"; }
    public PatchAdd withInfo(OverlayInfo info) { return new PatchAdd(info, source, file, pkg); }
  }

  /** {@code file} is a doublestar glob matched against Patch tag values and loose files. */
  record PatchRemove(OverlayInfo info, String file) implements Overlay {
    public String type() { return "patch-remove"; }
    public PatchRemove withInfo(OverlayInfo info) { return new PatchRemove(info, file); }
  }

  record FilePrependLines(OverlayInfo info, String file, List<String> lines) implements Overlay {
    public FilePrependLines { lines = List.copyOf(lines); }
    public String type() { return "file-prepend-lines"; }
    public FilePrependLines withInfo(OverlayInfo info) { return new FilePrependLines(info, file, lines); }
  }

  record FileSearchReplace(OverlayInfo info, String file, String regex, String replacement, Optional<String> archive) implements Overlay {
    public String type() { return "file-search-replace"; }
    public FileSearchReplace withInfo(OverlayInfo info) { return new FileSearchReplace(info, file, regex, replacement, archive); }
  }

  /** {@code file} is a literal relative destination path; {@code source} is absolute (resolved against the declaring file). */
  record FileAdd(OverlayInfo info, String file, String source) implements Overlay {
    public String type() { return "file-add"; }
    public FileAdd withInfo(OverlayInfo info) { return new FileAdd(info, file, source); }
  }

  record FileRemove(OverlayInfo info, String file, Optional<String> archive) implements Overlay {
    public String type() { return "file-remove"; }
    public FileRemove withInfo(OverlayInfo info) { return new FileRemove(info, file, archive); }
  }

  /** {@code replacement} is the new base name of the single file matching {@code file}. */
  record FileRename(OverlayInfo info, String file, String replacement) implements Overlay {
    public String type() { return "file-rename"; }
    public FileRename withInfo(OverlayInfo info) { return new FileRename(info, file, replacement); }
  }
}
