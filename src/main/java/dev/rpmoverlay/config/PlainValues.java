package dev.rpmoverlay.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** TOML values as plain sorted maps and lists, for opaque sections and the dump. */
final class PlainValues {
  private PlainValues() {}

  static Object of(Object value) {
    if (value instanceof TomlTable t) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String key : new TreeSet<>(t.keySet())) {
        out.put(key, of(t.get(List.of(key))));
      }
      return out;
    }
    if (value instanceof TomlArray a) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(of(a.get(i)));
      }
      return out;
    }
    if (value instanceof java.time.temporal.TemporalAccessor) {
      return value.toString();
    }
    return value;
  }

  /** Deep merge: tables merge key by key, anything else in {@code over} replaces. */
  @SuppressWarnings("unchecked")
  static Object merge(Object base, Object over) {
    if (base instanceof Map<?, ?> b && over instanceof Map<?, ?> o) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) b);
      for (Map.Entry<String, Object> e : ((Map<String, Object>) o).entrySet()) {
        out.merge(e.getKey(), e.getValue(), PlainValues::merge);
      }
      return out;
    }
    return over;
  }
}
