package dev.rpmoverlay.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and scalars (as made by {@link ConfigTrees}) as TOML 1.0: scalars
 * first, then sub-tables as {@code [a.b]} sections and lists of tables as {@code [[a.b]]}. Keys
 * that are not bare (names with dots, for example) are quoted.
 */
public final class TomlWriter {

  private TomlWriter() {}

  public static String write(Map<String, Object> root) {
    StringBuilder sb = new StringBuilder();
    table(sb, new ArrayList<>(), root, false);
    return sb.toString();
  }

  private static void table(StringBuilder sb, List<String> path, Map<String, Object> t, boolean arrayElement) {
    if (!path.isEmpty()) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      String header = String.join(".", path.stream().map(TomlWriter::key).toList());
      sb.append(arrayElement ? "[[" + header + "]]" : "[" + header + "]").append('\n');
    }
    for (Map.Entry<String, Object> e : t.entrySet()) {
      if (!isTable(e.getValue()) && !isTableArray(e.getValue())) {
        sb.append(key(e.getKey())).append(" = ").append(value(e.getValue())).append('\n');
      }
    }
    for (Map.Entry<String, Object> e : t.entrySet()) {
      List<String> child = new ArrayList<>(path);
      child.add(e.getKey());
      if (isTable(e.getValue())) {
        table(sb, child, asMap(e.getValue()), false);
      } else if (isTableArray(e.getValue())) {
        for (Object item : (List<?>) e.getValue()) {
          table(sb, child, asMap(item), true);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static boolean isTable(Object v) {
    return v instanceof Map<?, ?>;
  }

  private static boolean isTableArray(Object v) {
    return v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?>);
  }

  static String key(String k) {
    return TomlStrings.key(k);
  }

  private static String value(Object v) {
    if (v instanceof String s) {
      return TomlStrings.quote(s);
    }
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      for (Object o : l) {
        items.add(o instanceof Map<?, ?> m ? inline(m) : value(o));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(v);
  }

  private static String inline(Map<?, ?> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(key(String.valueOf(k)) + " = " + (v instanceof Map<?, ?> mm ? inline(mm) : value(v))));
    return "{ " + String.join(", ", parts) + " }";
  }
}
