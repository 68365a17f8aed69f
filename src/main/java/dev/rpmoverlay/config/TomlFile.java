package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** A parsed config file: its absolute path, its directory (relative paths resolve there) and its root table. */
record TomlFile(Path path, TomlTable root) {

  Path dir() {
    return path.getParent();
  }

  SourcePosition at(TomlPosition pos) {
    return pos == null ? SourcePosition.of(path) : new SourcePosition(path, pos.line(), pos.column());
  }

  /** Position of {@code key} inside {@code table} (the table's own position if the key is absent). */
  SourcePosition at(TomlTable table, String key) {
    return at(table.inputPositionOf(List.of(key)));
  }

  /** Position of {@code key} inside {@code table}, or {@code fallback} if the key is absent. */
  SourcePosition at(TomlTable table, String key, SourcePosition fallback) {
    TomlPosition pos = table.inputPositionOf(List.of(key));
    return pos == null ? fallback : at(pos);
  }

  SourcePosition at(TomlArray array, int index) {
    return at(array.inputPositionOf(index));
  }

  SourcePosition start() {
    return new SourcePosition(path, 1, 1);
  }
}
