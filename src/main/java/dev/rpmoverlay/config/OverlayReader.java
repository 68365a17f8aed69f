package dev.rpmoverlay.config;

import static dev.rpmoverlay.config.TomlValues.optTable;
import static dev.rpmoverlay.config.TomlValues.str;
import static dev.rpmoverlay.config.TomlValues.strings;

import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.config.model.OverlayInfo;
import dev.rpmoverlay.config.model.OverlayMetadata;
import dev.rpmoverlay.config.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlTable;

/** Turns one overlay table into its {@link Overlay} record. */
final class OverlayReader {
  private OverlayReader() {}

  /**
   * The overlay, or empty when its type is missing or unknown (reported by {@link
   * ComponentRules}). {@code source} becomes absolute against the declaring file's directory.
   */
  static Optional<Overlay> read(TomlFile file, TomlTable t, SourcePosition at, Optional<OverlayMetadata> inheritedMetadata) {
    Optional<OverlayType> type = OverlayType.of(str(t, "type"));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Optional<OverlayMetadata> metadata = optTable(t, "metadata").map(OverlayReader::metadata).or(() -> inheritedMetadata);
    OverlayInfo info = new OverlayInfo(0, str(t, "description"), metadata, at);
    String file_ = str(t, "file");
    String source = str(t, "source");
    String absSource = source.isEmpty() ? "" : file.dir().resolve(source).normalize().toString();
    String tag = str(t, "tag");
    String value = str(t, "value");
    String pkg = str(t, "package");
    String section = str(t, "section");
    String regex = str(t, "regex");
    String replacement = str(t, "replacement");
    List<String> lines = strings(t, "lines");
    Optional<String> archive = str(t, "archive").isEmpty() ? Optional.empty() : Optional.of(str(t, "archive"));
    Overlay overlay =
        switch (type.get()) {
          case SPEC_ADD_TAG -> new Overlay.SpecAddTag(info, tag, value, pkg);
          case SPEC_INSERT_TAG -> new Overlay.SpecInsertTag(info, tag, value, pkg);
          case SPEC_SET_TAG -> new Overlay.SpecSetTag(info, tag, value, pkg);
          case SPEC_UPDATE_TAG -> new Overlay.SpecUpdateTag(info, tag, value, pkg);
          case SPEC_REMOVE_TAG -> new Overlay.SpecRemoveTag(info, tag, value, pkg);
          case SPEC_PREPEND_LINES -> new Overlay.SpecPrependLines(info, section, pkg, lines);
          case SPEC_APPEND_LINES -> new Overlay.SpecAppendLines(info, section, pkg, lines);
          case SPEC_SEARCH_REPLACE -> new Overlay.SpecSearchReplace(info, section, pkg, regex, replacement);
          case SPEC_REMOVE_SECTION -> new Overlay.SpecRemoveSection(info, section, pkg);
          case SPEC_REMOVE_SUBPACKAGE -> new Overlay.SpecRemoveSubpackage(info, pkg);
          case PATCH_ADD -> new Overlay.PatchAdd(info, absSource, file_, pkg);
          case PATCH_REMOVE -> new Overlay.PatchRemove(info, file_);
          case FILE_PREPEND_LINES -> new Overlay.FilePrependLines(info, file_, lines);
          case FILE_SEARCH_REPLACE -> new Overlay.FileSearchReplace(info, file_, regex, replacement, archive);
          case FILE_ADD -> new Overlay.FileAdd(info, file_, absSource);
          case FILE_REMOVE -> new Overlay.FileRemove(info, file_, archive);
          case FILE_RENAME -> new Overlay.FileRename(info, file_, replacement);
        };
    return Optional.of(overlay);
  }

  static OverlayMetadata metadata(TomlTable t) {
    return new OverlayMetadata(str(t, "category"), str(t, "upstream-status"), urls(t, "commits"), urls(t, "bugs"),
        MetadataRules.expiryDate(str(t, "expires")));
  }

  private static List<String> urls(TomlTable t, String key) {
    List<String> out = new ArrayList<>();
    TomlValues.array(t, key).ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof TomlTable item) {
          out.add(str(item, "url"));
        }
      }
    });
    return out;
  }
}
