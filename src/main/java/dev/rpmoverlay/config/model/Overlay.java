package dev.rpmoverlay.config.model;

import java.util.List;
import java.util.Optional;

/**
 * One overlay of a component, as declared in TOML (azldev-semantics.md section 2.2). Field names
 * follow the TOML keys; optional string fields are empty strings when absent, as in azldev.
 * {@code pkg} is the TOML {@code package} key.
 */
public sealed interface Overlay {

  OverlayInfo info();

  /** The TOML {@code type} string, e.g. {@code spec-add-tag}. */
  String type();

  record SpecAddTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-add-tag"; }
  }

  record SpecInsertTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-insert-tag"; }
  }

  record SpecSetTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-set-tag"; }
  }

  record SpecUpdateTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-update-tag"; }
  }

  /** {@code value} empty = remove regardless of value. */
  record SpecRemoveTag(OverlayInfo info, String tag, String value, String pkg) implements Overlay {
    public String type() { return "spec-remove-tag"; }
  }

  /** {@code section} empty = whole file (see the compatibility mode for its exact meaning). */
  record SpecPrependLines(OverlayInfo info, String section, String pkg, List<String> lines) implements Overlay {
    public SpecPrependLines { lines = List.copyOf(lines); }
    public String type() { return "spec-prepend-lines"; }
  }

  record SpecAppendLines(OverlayInfo info, String section, String pkg, List<String> lines) implements Overlay {
    public SpecAppendLines { lines = List.copyOf(lines); }
    public String type() { return "spec-append-lines"; }
  }

  /** {@code regex} follows RE2 rules; {@code replacement} is literal (empty = delete the match). */
  record SpecSearchReplace(OverlayInfo info, String section, String pkg, String regex, String replacement) implements Overlay {
    public String type() { return "spec-search-replace"; }
  }

  record SpecRemoveSection(OverlayInfo info, String section, String pkg) implements Overlay {
    public String type() { return "spec-remove-section"; }
  }

  record SpecRemoveSubpackage(OverlayInfo info, String pkg) implements Overlay {
    public String type() { return "spec-remove-subpackage"; }
  }

  /** {@code source} relative to the declaring file; {@code file} = destination name (empty = basename of source). */
  record PatchAdd(OverlayInfo info, String source, String file, String pkg) implements Overlay {
    public String type() { return "patch-add"; }
  }

  /** {@code file} is a doublestar glob matched against Patch tag values and loose files. */
  record PatchRemove(OverlayInfo info, String file) implements Overlay {
    public String type() { return "patch-remove"; }
  }

  record FilePrependLines(OverlayInfo info, String file, List<String> lines) implements Overlay {
    public FilePrependLines { lines = List.copyOf(lines); }
    public String type() { return "file-prepend-lines"; }
  }

  record FileSearchReplace(OverlayInfo info, String file, String regex, String replacement, Optional<String> archive) implements Overlay {
    public String type() { return "file-search-replace"; }
  }

  /** {@code file} is a literal relative destination path; {@code source} relative to the declaring file. */
  record FileAdd(OverlayInfo info, String file, String source) implements Overlay {
    public String type() { return "file-add"; }
  }

  record FileRemove(OverlayInfo info, String file, Optional<String> archive) implements Overlay {
    public String type() { return "file-remove"; }
  }

  /** {@code replacement} is the new base name of the single file matching {@code file}. */
  record FileRename(OverlayInfo info, String file, String replacement) implements Overlay {
    public String type() { return "file-rename"; }
  }
}
