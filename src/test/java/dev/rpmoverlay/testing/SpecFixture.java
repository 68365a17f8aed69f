package dev.rpmoverlay.testing;

import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.overlay.SourceTree;
import dev.rpmoverlay.overlay.TreeFile;
import dev.rpmoverlay.overlay.Workspace;
import dev.rpmoverlay.spec.SpecDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Specs for tests: hand-written ones under {@code src/test/resources/spec} (static methods), and a
 * one-component workspace around a spec text with the engine to edit it (instances).
 */
public final class SpecFixture {
  public final Workspace ws;
  public final OverlayEngine engine;

  private SpecFixture(String spec, Compat compat) {
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", new TreeFile(spec.getBytes(StandardCharsets.UTF_8), false));
    this.ws = Workspace.fromTree("demo", "demo", tree);
    this.engine = new OverlayEngine(compat);
  }

  /** Component {@code demo} with these spec lines, in {@code azldev-2026-04} mode. */
  public static SpecFixture of(String... lines) {
    return new SpecFixture(lines(lines), Compat.AZLDEV_2026_04);
  }

  /** Component {@code demo} with these spec lines, in {@code current} mode. */
  public static SpecFixture current(String... lines) {
    return new SpecFixture(lines(lines), Compat.CURRENT);
  }

  public SpecFixture apply(Overlay... overlays) {
    for (Overlay o : overlays) {
      engine.apply(ws, o);
    }
    return this;
  }

  /** The spec as it is now. */
  public String text() {
    return ws.spec().render();
  }

  /** The lines, each ended by a newline. */
  public static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** The bytes of {@code src/test/resources/spec/<name>}. */
  public static byte[] resource(String name) {
    try (InputStream in = SpecFixture.class.getResourceAsStream("/spec/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /spec/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code src/test/resources/spec/<name>}, parsed. */
  public static SpecDocument document(String name) {
    return SpecDocument.parse(resource(name));
  }

  /** 0-based index of the first line whose text equals {@code text}. */
  public static int lineOf(SpecDocument doc, String text) {
    for (int i = 0; i < doc.size(); i++) {
      if (doc.line(i).text().equals(text)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no line '" + text + "'");
  }
}
