package dev.rpmoverlay.config;

import dev.rpmoverlay.config.Problems.Context;
import dev.rpmoverlay.config.SchemaNode.ArrayOf;
import dev.rpmoverlay.config.SchemaNode.Bool;
import dev.rpmoverlay.config.SchemaNode.MapOf;
import dev.rpmoverlay.config.SchemaNode.Obj;
import dev.rpmoverlay.config.SchemaNode.Str;
import dev.rpmoverlay.config.model.SourcePosition;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Checks a parsed file against {@link ConfigSchema}: unknown keys (with a "did you mean"), wrong
 * value types, values outside an enum. Readers that run afterwards may assume types are right,
 * because a value of the wrong type is reported here and then ignored.
 */
final class SchemaChecker {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private final TomlFile file;
  private final Problems problems;

  SchemaChecker(TomlFile file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  /** Checks a project config file. */
  void check() {
    checkValue(file.root(), ConfigSchema.FILE, "", file.start(), Context.NONE);
  }

  /** Checks a file against another root schema (overlay files), in a component's context. */
  void check(SchemaNode root, Context ctx) {
    checkValue(file.root(), root, "", file.start(), ctx);
  }

  private void checkValue(Object value, SchemaNode node, String keyPath, SourcePosition at, Context ctx) {
    if (node instanceof Obj obj) {
      if (value instanceof TomlTable table) {
        checkObject(table, obj, keyPath, ctx);
      } else {
        wrongType(value, "a table", keyPath, at, ctx);
      }
    } else if (node instanceof MapOf map) {
      if (value instanceof TomlTable table) {
        for (String key : new TreeSet<>(table.keySet())) {
          Context inner = keyPath.equals("components") ? Context.component(key) : ctx;
          checkValue(table.get(List.of(key)), map.values(), join(keyPath, key), file.at(table, key), inner);
        }
      } else {
        wrongType(value, "a table", keyPath, at, ctx);
      }
    } else if (node instanceof ArrayOf array) {
      if (value instanceof TomlArray items) {
        for (int i = 0; i < items.size(); i++) {
          Context inner = ctx;
          Object item = items.get(i);
          String itemPath = keyPath + "[" + i + "]";
          if (keyPath.endsWith("overlays") && !ctx.component().isEmpty()) {
            String desc = item instanceof TomlTable t && t.isString("description") ? t.getString("description") : "";
            inner = ctx.overlay(i + 1, desc);
            // The same #N as the message prefix, not TOML's 0-based array index.
            itemPath = keyPath + "[#" + inner.overlayNumber() + "]";
          }
          checkValue(item, array.items(), itemPath, file.at(items, i), inner);
        }
      } else {
        wrongType(value, "an array", keyPath, at, ctx);
      }
    } else if (node instanceof Str str) {
      if (!(value instanceof String s)) {
        wrongType(value, "a string", keyPath, at, ctx);
      } else if (!str.allowed().isEmpty() && !str.allowed().contains(s)) {
        problems.error(
            at, ctx, "'" + keyPath + "' has invalid value \"" + s + "\"", "use one of: " + String.join(", ", str.allowed()));
      }
    } else if (node instanceof Bool) {
      if (!(value instanceof Boolean)) {
        wrongType(value, "a boolean (true or false)", keyPath, at, ctx);
      }
    }
    // Opaque: accepted as written
  }

  private void checkObject(TomlTable table, Obj obj, String keyPath, Context ctx) {
    for (String key : new TreeSet<>(table.keySet())) {
      SchemaNode child = obj.fields().get(key);
      SourcePosition at = file.at(table, key);
      if (child == null) {
        problems.unknownKey(at, ctx, "unknown key '" + join(keyPath, key) + "'", suggestion(key, obj));
      } else {
        checkValue(table.get(List.of(key)), child, join(keyPath, key), at, ctx);
      }
    }
  }

  private void wrongType(Object value, String expected, String keyPath, SourcePosition at, Context ctx) {
    problems.error(at, ctx, "'" + keyPath + "' must be " + expected + ", not " + describe(value), "");
  }

  static String describe(Object value) {
    if (value instanceof String) {
      return "a string";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof Long) {
      return "an integer";
    } else if (value instanceof Double) {
      return "a float";
    } else if (value instanceof TomlArray) {
      return "an array";
    } else if (value instanceof TomlTable) {
      return "a table";
    }
    return "a date/time";
  }

  private static String suggestion(String key, Obj obj) {
    String best =
        obj.fields().keySet().stream()
            .filter(k -> DISTANCE.apply(k, key) >= 0)
            .min(Comparator.comparingInt((String k) -> DISTANCE.apply(k, key)).thenComparing(k -> k))
            .orElse(null);
    String valid = "valid keys here: " + String.join(", ", obj.fields().keySet());
    return best == null ? valid : "did you mean '" + best + "'? (" + valid + ")";
  }

  private static String join(String path, String key) {
    String shown = key.contains(".") || key.isEmpty() ? "\"" + key + "\"" : key;
    return path.isEmpty() ? shown : path + "." + shown;
  }
}
