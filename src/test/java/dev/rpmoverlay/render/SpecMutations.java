package dev.rpmoverlay.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Seeded mutations of a spec's bytes for {@link BadInputFuzzTest}. */
final class SpecMutations {
  private SpecMutations() {}

  /** One to three mutations; every 2,000th input (from 500 on) is instead grown to about 10 MB. */
  static byte[] mutate(byte[] spec, Random rnd, int index) {
    if (index % 2000 == 500) {
      return tenMegabytes(spec, rnd);
    }
    byte[] b = spec;
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      b = once(b, rnd);
    }
    return b;
  }

  static byte[] once(byte[] b, Random rnd) {
    return switch (rnd.nextInt(11)) {
      case 0 -> Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length));
      case 1 -> randomBytes(b, rnd);
      case 2 -> insert(b, rnd, hugeLine(rnd));
      case 3 -> insert(b, rnd, deepIfs(rnd));
      case 4 -> insert(b, rnd, unbalanced(rnd));
      case 5 -> insert(b, rnd, new byte[rnd.nextInt(4) + 1]); // NUL bytes
      case 6 -> insert(b, rnd, invalidUtf8(rnd));
      case 7 -> insert(b, rnd, ascii(pick(rnd, "%package -n ", "%files ", "%description\n", "%changelog\n", "%prep\n",
          "Name: \n", "Release: %autorelease\n", "Release: \n", "Version: %{\n", "%global x %{x}\n", "%define y %(\n",
          "%{lua: while true do end}\n", "Patch9999: ../../etc/passwd\n", "Source0: /etc/shadow\n", "%include /etc/passwd\n",
          "%{expand:%%{expand:%{x}}}\n", "\\\n", "%if\n", "%endif\n", "%else\n", "%elif 1\n")));
      case 8 -> deleteLines(b, rnd);
      case 9 -> ascii(new String(b, StandardCharsets.ISO_8859_1).replace("\n", rnd.nextBoolean() ? "\r\n" : "\r"));
      default -> duplicateChunk(b, rnd);
    };
  }

  private static byte[] tenMegabytes(byte[] spec, Random rnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(10 << 20);
    out.writeBytes(spec);
    while (out.size() < 10 << 20) {
      out.writeBytes(("%package -n extra" + out.size() + "\nSummary: x\n%description -n extra" + out.size() + "\nx\n%files -n extra"
          + out.size() + "\n/usr/share/" + rnd.nextInt() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] randomBytes(byte[] b, Random rnd) {
    byte[] c = b.clone();
    int n = 1 + rnd.nextInt(64);
    for (int i = 0; i < n && c.length > 0; i++) {
      c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
    }
    return c;
  }

  private static byte[] hugeLine(Random rnd) {
    int len = 65_537 + rnd.nextInt(100_000); // past Go's 64 KiB scanner limit that azldev fails on
    byte[] line = new byte[len + 1];
    Arrays.fill(line, (byte) (rnd.nextBoolean() ? 'a' : '%'));
    line[len] = '\n';
    return line;
  }

  private static byte[] deepIfs(Random rnd) {
    int depth = 100 + rnd.nextInt(rnd.nextInt(20) == 0 ? 20_000 : 2_000);
    StringBuilder sb = new StringBuilder("\n");
    sb.append("%if 1\n".repeat(depth));
    sb.append("BuildRequires: deep\n");
    if (rnd.nextBoolean()) {
      sb.append("%endif\n".repeat(depth));
    }
    return ascii(sb.toString());
  }

  private static byte[] unbalanced(Random rnd) {
    StringBuilder sb = new StringBuilder("\n");
    int n = 1 + rnd.nextInt(10);
    for (int i = 0; i < n; i++) {
      sb.append(pick(rnd, "%if 0%{?fedora}\n", "%ifarch x86_64\n", "%else\n", "%endif\n", "%elif 1\n", "%ifnarch s390x\n"));
    }
    return ascii(sb.toString());
  }

  private static byte[] invalidUtf8(Random rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> new byte[] {(byte) 0xC3, (byte) 0x28};
      case 1 -> new byte[] {(byte) 0xFF, (byte) 0xFE};
      case 2 -> new byte[] {(byte) 0x80};
      case 3 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // a UTF-16 surrogate encoded in UTF-8
      default -> new byte[] {(byte) 0xF0, (byte) 0x9F};
    };
  }

  private static byte[] deleteLines(byte[] b, Random rnd) {
    String[] lines = new String(b, StandardCharsets.ISO_8859_1).split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      if (rnd.nextInt(10) != 0) {
        sb.append(l).append('\n');
      }
    }
    return ascii(sb.toString());
  }

  private static byte[] duplicateChunk(byte[] b, Random rnd) {
    if (b.length == 0) {
      return b;
    }
    int from = rnd.nextInt(b.length);
    int len = Math.min(b.length - from, 1 + rnd.nextInt(4096));
    return insert(b, rnd, Arrays.copyOfRange(b, from, from + len));
  }

  private static byte[] insert(byte[] b, Random rnd, byte[] what) {
    int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
    byte[] c = new byte[b.length + what.length];
    System.arraycopy(b, 0, c, 0, at);
    System.arraycopy(what, 0, c, at, what.length);
    System.arraycopy(b, at, c, at + what.length, b.length - at);
    return c;
  }

  static String pick(Random rnd, String... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** ISO-8859-1 round trip: keeps every byte as it was. */
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
