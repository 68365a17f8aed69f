package dev.rpmoverlay.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The overlay types and the fields each one requires (docs/azldev-compatibility.md §2.2). Validation and the
 * JSON Schema both read this table.
 */
enum OverlayType {
  SPEC_ADD_TAG("spec-add-tag", "Append 'Tag: value' at the end of the main preamble or of a sub-package.", "tag", "value"),
  SPEC_INSERT_TAG("spec-insert-tag", "Insert 'Tag: value' after the last tag of the same family (Source, Patch, ...).", "tag", "value"),
  SPEC_SET_TAG("spec-set-tag", "Update the tag if present, otherwise add it.", "tag", "value"),
  SPEC_UPDATE_TAG("spec-update-tag", "Rewrite every matching tag line; fails if the tag is absent.", "tag", "value"),
  SPEC_REMOVE_TAG("spec-remove-tag", "Delete matching tag lines (optionally only those with the given value).", "tag"),
  SPEC_PREPEND_LINES("spec-prepend-lines", "Insert lines after each matching section header (or at the top of the file).", "lines"),
  SPEC_APPEND_LINES("spec-append-lines", "Insert lines at the end of each matching section (or of the file).", "lines"),
  SPEC_SEARCH_REPLACE("spec-search-replace", "RE2 regex replace, line by line, never touching section headers.", "regex"),
  SPEC_REMOVE_SECTION("spec-remove-section", "Remove every matching section.", "section"),
  SPEC_REMOVE_SUBPACKAGE("spec-remove-subpackage", "Remove every section of a sub-package.", "package"),
  PATCH_ADD("patch-add", "Copy a patch into the sources and register it (PatchN tag or %patchlist).", "source"),
  PATCH_REMOVE("patch-remove", "Remove Patch tags and loose files matching a glob.", "file"),
  FILE_PREPEND_LINES("file-prepend-lines", "Prepend lines to every file matching a glob.", "file", "lines"),
  FILE_SEARCH_REPLACE("file-search-replace", "RE2 regex replace over whole files matching a glob.", "file", "regex"),
  FILE_ADD("file-add", "Copy a file from the project into the sources.", "file", "source"),
  FILE_REMOVE("file-remove", "Delete every file matching a glob.", "file"),
  FILE_RENAME("file-rename", "Rename the single file matching a glob to a new base name.", "file", "replacement");

  private final String tomlName;
  private final String summary;
  private final List<String> required;

  OverlayType(String tomlName, String summary, String... required) {
    this.tomlName = tomlName;
    this.summary = summary;
    this.required = List.of(required);
  }

  public String tomlName() {
    return tomlName;
  }

  public String summary() {
    return summary;
  }

  /** Fields that must be present and non-empty. */
  public List<String> required() {
    return required;
  }

  /** Whether {@code file} is a glob (as opposed to a literal destination path or absent). */
  public boolean fileIsGlob() {
    return this == PATCH_REMOVE || this == FILE_PREPEND_LINES || this == FILE_SEARCH_REPLACE || this == FILE_REMOVE || this == FILE_RENAME;
  }

  /** Whether the type may carry {@code archive} (azldev HEAD archive-scoped overlays). */
  public boolean acceptsArchive() {
    return this == FILE_REMOVE || this == FILE_SEARCH_REPLACE;
  }

  public static Optional<OverlayType> of(String tomlName) {
    return Arrays.stream(values()).filter(t -> t.tomlName.equals(tomlName)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(OverlayType::tomlName).toList();
  }
}
