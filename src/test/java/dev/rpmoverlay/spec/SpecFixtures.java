package dev.rpmoverlay.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Hand-written specs under src/test/resources/spec. */
final class SpecFixtures {
  private SpecFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = SpecFixtures.class.getResourceAsStream("/spec/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /spec/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SpecDocument load(String name) {
    return SpecDocument.parse(bytes(name));
  }

  /** 0-based index of the first line whose text equals {@code text}. */
  static int lineOf(SpecDocument doc, String text) {
    for (int i = 0; i < doc.size(); i++) {
      if (doc.line(i).text().equals(text)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no line '" + text + "'");
  }
}
