package dev.rpmoverlay.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Typed reads with azldev's zero values for absent keys. Values of the wrong type read as absent:
 * {@link SchemaChecker} has already reported them. Keys are looked up as one-element paths, never
 * as dotted strings, because names contain dots.
 */
final class TomlValues {
  private TomlValues() {}

  static String str(TomlTable t, String key) {
    Object v = t.get(List.of(key));
    return v instanceof String s ? s : "";
  }

  static boolean bool(TomlTable t, String key) {
    Object v = t.get(List.of(key));
    return v instanceof Boolean b && b;
  }

  static boolean has(TomlTable t, String key) {
    return t.get(List.of(key)) != null;
  }

  static TomlTable table(TomlTable t, String key) {
    Object v = t.get(List.of(key));
    return v instanceof TomlTable tt ? tt : EMPTY;
  }

  static Optional<TomlTable> optTable(TomlTable t, String key) {
    Object v = t.get(List.of(key));
    return v instanceof TomlTable tt ? Optional.of(tt) : Optional.empty();
  }

  static Optional<TomlArray> array(TomlTable t, String key) {
    Object v = t.get(List.of(key));
    return v instanceof TomlArray a ? Optional.of(a) : Optional.empty();
  }

  /** The string elements of an array (non-strings skipped). */
  static List<String> strings(TomlTable t, String key) {
    List<String> out = new ArrayList<>();
    array(t, key).ifPresent(a -> {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof String s) {
          out.add(s);
        }
      }
    });
    return out;
  }

  static final TomlTable EMPTY = org.tomlj.Toml.parse("");
}
