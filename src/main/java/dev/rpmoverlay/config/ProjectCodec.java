package dev.rpmoverlay.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A loaded {@link Project} as bytes and back, for {@link ProjectSnapshot}. Every value is written
 * with a tag for its type, records as their components, so the model's records need no code here;
 * strings, paths and class names are written once and then referred to by number. A value of a type
 * with no tag (a map with its own order, say) makes the project unkeepable rather than changed.
 */
final class ProjectCodec {
  /** The project holds a value this codec cannot write back exactly. */
  static final class UnsupportedValueException extends Exception {
    UnsupportedValueException(String message) {
      super(message);
    }
  }

  private static final String MODEL_PACKAGE = "dev.rpmoverlay.config";

  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int TRUE = 2;
  private static final int FALSE = 3;
  private static final int INT = 4;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  private static final int PATH = 7;
  private static final int EMPTY = 8;
  private static final int PRESENT = 9;
  private static final int EMPTY_LONG = 10;
  private static final int PRESENT_LONG = 11;
  private static final int LIST = 12;
  private static final int SORTED_MAP = 13;
  private static final int LINKED_MAP = 14;
  private static final int RECORD = 15;
  private static final int ENUM = 16;
  private static final int DATE = 17;

  /** A record class's components and canonical constructor, looked up once per class. */
  private record Shape(Method[] accessors, Constructor<?> constructor) {
    static Shape of(Class<?> type) throws NoSuchMethodException {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
        types[i] = components[i].getType();
      }
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return new Shape(accessors, constructor);
    }
  }

  private ProjectCodec() {}

  static byte[] encode(Project p) throws UnsupportedValueException {
    Writer w = new Writer();
    for (Object value : new Object[] {p.dir(), p.projectFile(), p.configFiles(), p.info(), p.distros(), p.groups(), p.declaredComponents(),
        p.defaultComponentConfig(), p.extras(), p.deferredFiles(), p.warnings(), p.permissive()}) {
      w.value(value);
    }
    return w.bytes.toByteArray();
  }

  @SuppressWarnings("unchecked")
  static Project decode(ByteBuffer in) throws IOException {
    Reader r = new Reader(in);
    try {
      return new Project((Path) r.value(), (Path) r.value(), (List<Path>) r.value(), (ProjectInfo) r.value(),
          (Map<String, Distro>) r.value(), (Map<String, ComponentGroup>) r.value(), (Map<String, DeclaredComponent>) r.value(),
          (ComponentLayer) r.value(), (Map<String, Object>) r.value(), (List<Path>) r.value(), (List<ConfigProblem>) r.value(),
          (Boolean) r.value());
    } catch (RuntimeException e) { // a damaged file: wrong tags, counts or types
      throw new IOException("damaged project snapshot: " + e, e);
    }
  }

  private static final class Writer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    final Map<String, Integer> strings = new HashMap<>();
    final Map<Class<?>, Integer> classes = new HashMap<>();
    final Map<Class<?>, Shape> shapes = new HashMap<>();

    void value(Object v) throws UnsupportedValueException {
      if (v == null) {
        tag(NULL);
      } else if (v instanceof String s) {
        tag(STRING);
        string(s);
      } else if (v instanceof Boolean b) {
        tag(b ? TRUE : FALSE);
      } else if (v instanceof Integer i) {
        tag(INT);
        varLong(i);
      } else if (v instanceof Long l) {
        tag(LONG);
        varLong(l);
      } else if (v instanceof Double d) {
        tag(DOUBLE);
        varLong(Double.doubleToRawLongBits(d));
      } else if (v instanceof Path p) {
        tag(PATH);
        string(p.toString());
      } else if (v instanceof Optional<?> o) {
        tag(o.isPresent() ? PRESENT : EMPTY);
        if (o.isPresent()) {
          value(o.get());
        }
      } else if (v instanceof OptionalLong o) {
        tag(o.isPresent() ? PRESENT_LONG : EMPTY_LONG);
        if (o.isPresent()) {
          varLong(o.getAsLong());
        }
      } else if (v instanceof List<?> list) {
        tag(LIST);
        varLong(list.size());
        for (Object e : list) {
          value(e);
        }
      } else if (v instanceof SortedMap<?, ?> m && m.comparator() == null || v instanceof LinkedHashMap<?, ?>) {
        Map<?, ?> m = (Map<?, ?>) v;
        tag(v instanceof SortedMap<?, ?> ? SORTED_MAP : LINKED_MAP);
        varLong(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
          value(e.getKey());
          value(e.getValue());
        }
      } else if (v instanceof LocalDate d) {
        tag(DATE);
        varLong(d.toEpochDay());
      } else if (v instanceof Enum<?> e && e.getDeclaringClass().getName().startsWith(MODEL_PACKAGE)) {
        tag(ENUM);
        type(e.getDeclaringClass());
        string(e.name());
      } else if (v instanceof Record && v.getClass().getName().startsWith(MODEL_PACKAGE)) {
        tag(RECORD);
        type(v.getClass());
        record(v);
      } else {
        throw new UnsupportedValueException("no tag for " + v.getClass().getName());
      }
    }

    private void record(Object v) throws UnsupportedValueException {
      Shape shape = shapes.get(v.getClass());
      try {
        if (shape == null) {
          shape = Shape.of(v.getClass());
          shapes.put(v.getClass(), shape);
        }
        for (Method accessor : shape.accessors()) {
          value(accessor.invoke(v));
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new UnsupportedValueException("cannot read " + v.getClass().getName() + ": " + e);
      }
    }

    private void tag(int tag) {
      bytes.write(tag);
    }

    /** A string by number: a new one is followed by its UTF-8 bytes. */
    private void string(String s) {
      Integer known = strings.get(s);
      if (known != null) {
        varLong(known);
        return;
      }
      varLong(strings.size());
      strings.put(s, strings.size());
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      varLong(utf8.length);
      bytes.write(utf8, 0, utf8.length);
    }

    private void type(Class<?> type) {
      Integer known = classes.get(type);
      if (known != null) {
        varLong(known);
        return;
      }
      varLong(classes.size());
      classes.put(type, classes.size());
      string(type.getName());
    }

    /** Zig-zag LEB128: small numbers of either sign in one byte. */
    private void varLong(long v) {
      long z = (v << 1) ^ (v >> 63);
      while ((z & ~0x7FL) != 0) {
        bytes.write((int) ((z & 0x7F) | 0x80));
        z >>>= 7;
      }
      bytes.write((int) z);
    }
  }

  private static final class Reader {
    final ByteBuffer in;
    final List<String> strings = new ArrayList<>();
    final Map<Integer, Path> paths = new HashMap<>();
    final List<Class<?>> classes = new ArrayList<>();
    final Map<Class<?>, Shape> shapes = new HashMap<>();

    Reader(ByteBuffer in) {
      this.in = in;
    }

    Object value() throws IOException {
      int tag = in.get();
      switch (tag) {
        case NULL:
          return null;
        case STRING:
          return string();
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case INT:
          return Math.toIntExact(varLong());
        case LONG:
          return varLong();
        case DOUBLE:
          return Double.longBitsToDouble(varLong());
        case PATH:
          return path();
        case EMPTY:
          return Optional.empty();
        case PRESENT:
          return Optional.of(value());
        case EMPTY_LONG:
          return OptionalLong.empty();
        case PRESENT_LONG:
          return OptionalLong.of(varLong());
        case LIST:
          Object[] items = new Object[count()];
          for (int i = 0; i < items.length; i++) {
            items[i] = value();
          }
          return List.of(items);
        case SORTED_MAP:
        case LINKED_MAP:
          Map<Object, Object> map = tag == SORTED_MAP ? new TreeMap<>() : new LinkedHashMap<>();
          for (int i = count(); i > 0; i--) {
            map.put(value(), value());
          }
          return map;
        case DATE:
          return LocalDate.ofEpochDay(varLong());
        case ENUM:
          return enumValue(type());
        case RECORD:
          return record(type());
        default:
          throw new IOException("damaged project snapshot: unknown tag " + tag);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
      return Enum.valueOf((Class) type, name);
    }

    private Object enumValue(Class<?> type) throws IOException {
      if (!type.isEnum()) {
        throw new IOException("damaged project snapshot: " + type.getName() + " is not an enum");
      }
      return enumValue(type, string());
    }

    private Object record(Class<?> type) throws IOException {
      try {
        Shape shape = shapes.get(type);
        if (shape == null) {
          if (!type.isRecord()) {
            throw new IOException("damaged project snapshot: " + type.getName() + " is not a record");
          }
          shape = Shape.of(type);
          shapes.put(type, shape);
        }
        Object[] args = new Object[shape.accessors().length];
        for (int i = 0; i < args.length; i++) {
          args[i] = value();
        }
        return shape.constructor().newInstance(args);
      } catch (InvocationTargetException e) {
        throw new IOException("damaged project snapshot: " + type.getName() + " refused its values: " + e.getCause(), e);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IOException("damaged project snapshot: " + e, e);
      }
    }

    private Class<?> type() throws IOException {
      int n = number();
      if (n < classes.size()) {
        return classes.get(n);
      }
      String name = string();
      if (n != classes.size() || !name.startsWith(MODEL_PACKAGE + ".")) {
        throw new IOException("damaged project snapshot: class " + name);
      }
      try {
        Class<?> type = Class.forName(name, false, ProjectCodec.class.getClassLoader());
        classes.add(type);
        return type;
      } catch (ClassNotFoundException e) {
        throw new IOException("damaged project snapshot: no class " + name, e);
      }
    }

    private String string() throws IOException {
      return string(number());
    }

    /** String {@code n}: one read before, or the next new one, whose bytes follow. */
    private String string(int n) throws IOException {
      if (n < strings.size()) {
        return strings.get(n);
      }
      if (n != strings.size()) {
        throw new IOException("damaged project snapshot: string " + n + " out of order");
      }
      int length = count();
      String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
      strings.add(s);
      return s;
    }

    /** Paths are made once per distinct string: most are the few config files' names. */
    private Path path() throws IOException {
      int n = number();
      Path known = paths.get(n);
      if (known == null) {
        known = Path.of(string(n));
        paths.put(n, known);
      }
      return known;
    }

    /** A number of items or bytes that follow: each takes at least a byte. */
    private int count() throws IOException {
      long n = varLong();
      if (n < 0 || n > in.remaining()) {
        throw new IOException("damaged project snapshot: count " + n);
      }
      return (int) n;
    }

    /** A string's or class's number: at most one past those read so far. */
    private int number() throws IOException {
      long n = varLong();
      if (n < 0 || n > Math.max(strings.size(), classes.size())) {
        throw new IOException("damaged project snapshot: number " + n);
      }
      return (int) n;
    }

    private long varLong() {
      long z = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = in.get();
        z |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          break;
        }
      }
      return (z >>> 1) ^ -(z & 1);
    }
  }
}
