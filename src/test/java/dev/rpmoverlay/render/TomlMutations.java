package dev.rpmoverlay.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Seeded mutations of a comp.toml's bytes for {@link BadInputFuzzTest}. */
final class TomlMutations {
  private TomlMutations() {}

  static byte[] mutate(byte[] toml, Random rnd) {
    byte[] b = toml;
    int n = 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      b = once(b, rnd);
    }
    return b;
  }

  private static byte[] once(byte[] b, Random rnd) {
    return switch (rnd.nextInt(10)) {
      case 0 -> Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length));
      case 1 -> randomBytes(b, rnd);
      case 2 -> insert(b, rnd, ("x = \"" + "y".repeat(65_537 + rnd.nextInt(100_000)) + "\"\n").getBytes(StandardCharsets.UTF_8));
      case 3 -> insert(b, rnd, new byte[] {0});
      case 4 -> insert(b, rnd, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
      case 5 -> insert(b, rnd, deepArray(rnd));
      case 6 -> replaceValue(b, rnd);
      case 7 -> append(b, SpecMutations.pick(rnd,
          "\n[[components.fuzz.overlays]]\ntype = \"file-add\"\nfile = \"../../escape\"\nsource = \"/etc/passwd\"\n",
          "\n[[components.fuzz.overlays]]\ntype = \"file-add\"\nfile = \"ok\"\nsource = \"../../../../../../etc/passwd\"\n",
          "\n[[components.fuzz.overlays]]\ntype = \"spec-search-replace\"\nregex = \"(a+)+$\"\nreplacement = \"x\"\n",
          "\n[[components.fuzz.overlays]]\ntype = \"file-rename\"\nfile = \"*\"\nreplacement = \"../x\"\n",
          "\n[[components.fuzz.overlays]]\ntype = \"patch-add\"\nsource = \"/dev/zero\"\n",
          "\n[components.\"../../escape\"]\n",
          "\n[components.\"..\"]\n",
          "\n[components.\"a/b\"]\n",
          "\n[components.fuzz]\nspec = { type = \"local\", path = \"/etc\" }\n",
          "\n[components.fuzz]\nspec = { type = \"local\", path = \"../../..\" }\n",
          "\n[components.fuzz.build]\ndefines = { \"x\" = \"%{x}\" }\n",
          "\n[components.fuzz]\nsource-files = [{ filename = \"../../etc/passwd\" }]\n",
          "\nincludes = [\"/etc/*\"]\n",
          "\nincludes = [\"../../**\"]\n"));
      case 8 -> deleteLines(b, rnd);
      default -> duplicateChunk(b, rnd);
    };
  }

  private static byte[] deepArray(Random rnd) {
    int depth = 50 + rnd.nextInt(rnd.nextInt(20) == 0 ? 20_000 : 2_000);
    String open = rnd.nextBoolean() ? "[" : "{a=";
    String close = open.equals("[") ? "]" : "}";
    return ("\ndeep = " + open.repeat(depth) + "1" + close.repeat(depth) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] replaceValue(byte[] b, Random rnd) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int eq = s.indexOf(" = ", rnd.nextInt(Math.max(1, s.length())));
    if (eq < 0) {
      return b;
    }
    int end = s.indexOf('\n', eq);
    String value = SpecMutations.pick(rnd, "1", "true", "[]", "{}", "\"\"", "\"../../x\"", "\"/abs\"", "-9223372036854775808",
        "1e999", "\"\\u0000\"", "[1, \"a\"]", "{ type = 3 }", "\"**/*\"", "\"[\"");
    return (s.substring(0, eq + 3) + value + (end < 0 ? "" : s.substring(end))).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] randomBytes(byte[] b, Random rnd) {
    byte[] c = b.clone();
    int n = 1 + rnd.nextInt(16);
    for (int i = 0; i < n && c.length > 0; i++) {
      c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
    }
    return c;
  }

  private static byte[] deleteLines(byte[] b, Random rnd) {
    String[] lines = new String(b, StandardCharsets.ISO_8859_1).split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      if (rnd.nextInt(6) != 0) {
        sb.append(l).append('\n');
      }
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] duplicateChunk(byte[] b, Random rnd) {
    if (b.length == 0) {
      return b;
    }
    int from = rnd.nextInt(b.length);
    int len = Math.min(b.length - from, 1 + rnd.nextInt(512));
    return insert(b, rnd, Arrays.copyOfRange(b, from, from + len));
  }

  private static byte[] append(byte[] b, String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] c = Arrays.copyOf(b, b.length + t.length);
    System.arraycopy(t, 0, c, b.length, t.length);
    return c;
  }

  private static byte[] insert(byte[] b, Random rnd, byte[] what) {
    int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
    byte[] c = new byte[b.length + what.length];
    System.arraycopy(b, 0, c, 0, at);
    System.arraycopy(what, 0, c, at, what.length);
    System.arraycopy(b, at, c, at + what.length, b.length - at);
    return c;
  }
}
