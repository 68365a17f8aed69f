package dev.rpmoverlay.release.macro;

import java.util.List;
import java.util.Locale;

/** rpm's built-in macros that take their argument after a colon ({@code %{lower:ABC}}). */
final class Builtins {
  static final List<String> NAMES =
      List.of(
          "nil", "expand", "lower", "upper", "len", "quote", "shrink", "basename", "dirname",
          "suffix", "echo", "warn", "error", "verbose", "lua", "getenv", "getncpus", "url2path",
          "uncompress", "span");

  private Builtins() {}

  /** Applies built-in {@code name} to its already expanded argument. */
  static String apply(String name, String arg) throws Undetermined {
    return switch (name) {
      case "nil", "echo", "warn", "verbose" -> "";
      case "expand", "quote", "span" -> arg;
      case "lower" -> arg.toLowerCase(Locale.ROOT);
      case "upper" -> arg.toUpperCase(Locale.ROOT);
      case "len" -> Integer.toString(arg.codePointCount(0, arg.length()));
      case "shrink" -> arg.strip().replaceAll("[ \\t]+", " ");
      case "basename" -> arg.substring(arg.lastIndexOf('/') + 1);
      case "dirname" -> {
        int slash = arg.lastIndexOf('/');
        yield slash < 0 ? "." : slash == 0 ? "/" : arg.substring(0, slash);
      }
      case "suffix" -> {
        int dot = arg.lastIndexOf('.');
        yield dot < 0 ? "" : arg.substring(dot + 1);
      }
      case "error" -> throw new Undetermined("the spec calls %{error:" + arg + "}");
      default -> throw new Undetermined("%{" + name + ":...} needs a real rpm");
    };
  }
}
