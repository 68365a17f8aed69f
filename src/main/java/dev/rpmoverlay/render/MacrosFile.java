package dev.rpmoverlay.render;

import dev.rpmoverlay.config.model.BuildConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The generated {@code <name>.azl.macros} (docs/azldev-compatibility.md §1.6.3): {@code build.with} gives
 * {@code %_with_x 1}, {@code without} gives {@code %_without_x 1}, {@code defines} give
 * {@code %k v}, then {@code undefines} delete entries. Sorted by name in byte order.
 */
record MacrosFile(String fileName, SortedMap<String, String> macros) {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._+-]+");

  static MacrosFile of(String component, BuildConfig build) {
    SortedMap<String, String> macros = new TreeMap<>();
    for (String w : build.with()) {
      macros.put("_with_" + w, "1");
    }
    for (String w : build.without()) {
      macros.put("_without_" + w, "1");
    }
    macros.putAll(build.defines());
    for (String u : build.undefines()) {
      macros.remove(u);
    }
    return new MacrosFile(component + ".azl.macros", macros);
  }

  boolean isEmpty() {
    return macros.isEmpty();
  }

  /** azldev refuses to name a macros file after a component with other characters. */
  static boolean isSafeComponentName(String name) {
    return SAFE_NAME.matcher(name).matches();
  }

  /** The template scope: {@code macros} = list of {@code {name, value}}. */
  Map<String, Object> scope() {
    List<Map<String, String>> list = new ArrayList<>();
    macros.forEach((k, v) -> list.add(Map.of("name", k, "value", v)));
    return Map.of("macros", list);
  }
}
