package dev.rpmoverlay.config;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlComment;
import org.tomlj.TomlElement;
import org.tomlj.TomlKeyValue;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlValue;

/**
 * A read-only TOML table built from values another reader already has ({@link ComponentListText}):
 * keys in insertion order, each with its value and the position the TOML parser would give it.
 * Nested tables may be any {@link TomlTable}.
 */
final class ListedTable implements TomlTable {
  private final Map<String, Object> values;
  private final Map<String, TomlPosition> positions;

  ListedTable(Map<String, Object> values, Map<String, TomlPosition> positions) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.positions = new java.util.HashMap<>(positions); // a position may be unknown (null)
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public Set<String> keySet() {
    return values.keySet();
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return values.entrySet();
  }

  @Override
  public Set<List<String>> keyPathSet(boolean includeTables) {
    Set<List<String>> paths = new LinkedHashSet<>();
    entryPathSet(includeTables).forEach(e -> paths.add(e.getKey()));
    return paths;
  }

  @Override
  public Set<Map.Entry<List<String>, Object>> entryPathSet(boolean includeTables) {
    Set<Map.Entry<List<String>, Object>> paths = new LinkedHashSet<>();
    values.forEach((key, value) -> {
      if (value instanceof TomlTable t) {
        if (includeTables) {
          paths.add(new AbstractMap.SimpleImmutableEntry<>(List.of(key), value));
        }
        for (Map.Entry<List<String>, Object> inner : t.entryPathSet(includeTables)) {
          List<String> path = new java.util.ArrayList<>(inner.getKey().size() + 1);
          path.add(key);
          path.addAll(inner.getKey());
          paths.add(new AbstractMap.SimpleImmutableEntry<>(List.copyOf(path), inner.getValue()));
        }
      } else {
        paths.add(new AbstractMap.SimpleImmutableEntry<>(List.of(key), value));
      }
    });
    return paths;
  }

  @Override
  public Object get(List<String> path) {
    if (path.isEmpty()) {
      return this;
    }
    Object value = values.get(path.get(0));
    if (path.size() == 1) {
      return value;
    }
    return value instanceof TomlTable t ? t.get(path.subList(1, path.size())) : null;
  }

  @Override
  public TomlPosition inputPositionOf(List<String> path) {
    if (path.isEmpty()) {
      return TomlPosition.positionAt(1, 1);
    }
    if (path.size() == 1) {
      return positions.get(path.get(0));
    }
    return values.get(path.get(0)) instanceof TomlTable t ? t.inputPositionOf(path.subList(1, path.size())) : null;
  }

  @Override
  public TomlKeyValue entry(List<String> path) {
    if (path.isEmpty()) {
      return null;
    }
    if (path.size() > 1) {
      return values.get(path.get(0)) instanceof TomlTable t ? t.entry(path.subList(1, path.size())) : null;
    }
    String key = path.get(0);
    return values.containsKey(key) ? new Entry(key, values.get(key), positions.get(key)) : null;
  }

  @Override
  public List<TomlElement> elements() {
    return values.keySet().stream().map(k -> (TomlElement) new Entry(k, values.get(k), positions.get(k))).toList();
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    values.forEach((k, v) -> map.put(k, v instanceof TomlTable t ? t.toMap() : v));
    return map;
  }

  private record Entry(String key, Object content, TomlPosition position) implements TomlKeyValue {
    @Override
    public TomlValue value() {
      return new TomlValue() {
        @Override
        public Object get() {
          return content;
        }

        @Override
        public TomlPosition position() {
          return position;
        }
      };
    }

    @Override
    public List<TomlComment> comments() {
      return List.of();
    }
  }
}
