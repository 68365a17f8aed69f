package dev.rpmoverlay.config;

import dev.rpmoverlay.config.model.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseOptions;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/** A parsed config file: its absolute path, its directory (relative paths resolve there) and its root table. */
record TomlFile(Path path, TomlTable root) {
  /**
   * TOML 1.0, without source: the parser keeps no copy of the text for re-serialising (nothing here
   * writes a parsed file back); the values, positions and errors are the same, the parse 20-30% faster.
   */
  static final TomlParseOptions OPTIONS = TomlParseOptions.defaults().withVersion(TomlVersion.V1_0_0).withoutSource();

  /**
   * Parses {@code text} as TOML 1.0 (a plain list of components by {@link ComponentListText}); each
   * syntax error becomes a problem and the result is empty.
   */
  static Optional<TomlFile> parse(Path path, String text, Problems problems, Problems.Context ctx) {
    Optional<TomlTable> listed = ComponentListText.read(text);
    if (listed.isPresent()) {
      return Optional.of(new TomlFile(path, listed.get()));
    }
    TomlParseResult parsed = Toml.parse(text, OPTIONS);
    for (TomlParseError error : parsed.errors()) {
      TomlPosition pos = error.position();
      SourcePosition at = pos == null ? SourcePosition.of(path) : new SourcePosition(path, pos.line(), pos.column());
      String message = error.getMessage().replaceFirst("\\s*\\(line \\d+, column \\d+\\)$", "");
      problems.error(at, ctx, "invalid TOML: " + message, "fix the syntax (TOML 1.0)");
    }
    return parsed.hasErrors() ? Optional.empty() : Optional.of(new TomlFile(path, parsed));
  }

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
