package dev.rpmoverlay.upstream;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A canonical text form of config records for fingerprinting: record components in declaration
 * order as {@code Type{name=value, ...}}, strings quoted and escaped, maps sorted by key, optionals
 * as {@code none}/{@code some(...)}. It depends only on values, never on identity, hash codes or
 * iteration order of hash-based collections, so equal configs give equal text in every JVM.
 *
 * <p>Components named in the exclusion set ({@code RecordSimpleName.component}) are left out:
 * documentation and provenance that cannot change the rendered output.
 */
final class CanonicalForm {

  /** A record component that is part of the form, with its accessor. */
  private record Part(String name, java.lang.reflect.Method accessor) {}

  private final Set<String> excluded;
  // Per record class, looked up once: the reflective lookup and access check of every component of
  // every record was a large part of fingerprinting 7,583 components (render's lock gate).
  private final ClassValue<java.util.List<Part>> parts = new ClassValue<>() {
    @Override
    protected java.util.List<Part> computeValue(Class<?> type) {
      java.util.List<Part> out = new java.util.ArrayList<>();
      for (RecordComponent rc : type.getRecordComponents()) {
        if (!excluded.contains(type.getSimpleName() + "." + rc.getName())) {
          java.lang.reflect.Method accessor = rc.getAccessor();
          accessor.setAccessible(true);
          out.add(new Part(rc.getName(), accessor));
        }
      }
      return java.util.List.copyOf(out);
    }
  };

  CanonicalForm(Set<String> excluded) {
    this.excluded = Set.copyOf(excluded);
  }

  String of(Object value) {
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  private void append(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Path p) {
      quote(sb, p.toString().replace('\\', '/'));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Enum<?> e) {
      sb.append(e.name());
    } else if (v instanceof Optional<?> o) {
      if (o.isEmpty()) {
        sb.append("none");
      } else {
        sb.append("some(");
        append(sb, o.get());
        sb.append(')');
      }
    } else if (v instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      m.forEach((k, val) -> sorted.put(String.valueOf(k), val));
      sb.append('{');
      boolean first = true;
      for (var e : sorted.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        quote(sb, e.getKey());
        sb.append('=');
        append(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        append(sb, o);
      }
      sb.append(']');
    } else if (v instanceof Record r) {
      appendRecord(sb, r);
    } else {
      throw new IllegalArgumentException("no canonical form for " + v.getClass().getName());
    }
  }

  private void appendRecord(StringBuilder sb, Record r) {
    String type = r.getClass().getSimpleName();
    sb.append(type).append('{');
    boolean first = true;
    for (Part part : parts.get(r.getClass())) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(part.name()).append('=');
      try {
        append(sb, part.accessor().invoke(r));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + type + "." + part.name(), e);
      }
    }
    sb.append('}');
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
