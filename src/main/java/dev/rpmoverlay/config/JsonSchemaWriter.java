package dev.rpmoverlay.config;

import dev.rpmoverlay.config.SchemaNode.ArrayOf;
import dev.rpmoverlay.config.SchemaNode.Bool;
import dev.rpmoverlay.config.SchemaNode.MapOf;
import dev.rpmoverlay.config.SchemaNode.Obj;
import dev.rpmoverlay.config.SchemaNode.Str;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link ConfigSchema} into a JSON Schema (draft 2020-12) for editor completion of
 * {@code azldev.toml} / {@code *.comp.toml} (e.g. with Taplo or Even Better TOML). Unknown keys
 * are {@code additionalProperties: false}, as the loader rejects them; each overlay type's
 * required fields are expressed with {@code if}/{@code then}.
 */
public final class JsonSchemaWriter {
  private JsonSchemaWriter() {}

  public static Map<String, Object> schema() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://rpmoverlay.dev/schema/rpmoverlay.schema.json");
    root.put("title", "rpmoverlay / azldev project configuration");
    root.putAll(node(ConfigSchema.FILE));
    return root;
  }

  private static Map<String, Object> node(SchemaNode n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("description", n.description());
    if (n instanceof Obj obj) {
      out.put("type", "object");
      Map<String, Object> props = new LinkedHashMap<>();
      obj.fields().forEach((k, v) -> props.put(k, node(v)));
      out.put("properties", props);
      out.put("additionalProperties", false);
      if (n == ConfigSchema.OVERLAY) {
        out.put("required", List.of("type"));
        out.put("allOf", OverlayTypeRules.conditions());
      }
    } else if (n instanceof MapOf map) {
      out.put("type", "object");
      out.put("additionalProperties", node(map.values()));
    } else if (n instanceof ArrayOf array) {
      out.put("type", "array");
      out.put("items", node(array.items()));
    } else if (n instanceof Str str) {
      out.put("type", "string");
      if (!str.allowed().isEmpty()) {
        out.put("enum", str.allowed());
      }
    } else if (n instanceof Bool) {
      out.put("type", "boolean");
    }
    return out;
  }

  /** {@code if type == X then required [...]} for each overlay type (ordered maps: stable output). */
  private static final class OverlayTypeRules {
    static List<Object> conditions() {
      return java.util.Arrays.stream(OverlayType.values()).map(OverlayTypeRules::condition).toList();
    }

    private static Object condition(OverlayType t) {
      Map<String, Object> then = new LinkedHashMap<>();
      then.put("description", t.summary());
      then.put("required", t.required());
      Map<String, Object> cond = new LinkedHashMap<>();
      cond.put("if", Map.of("properties", Map.of("type", Map.of("const", t.tomlName()))));
      cond.put("then", then);
      return cond;
    }
  }
}
