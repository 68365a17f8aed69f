package dev.rpmoverlay.overlay;

import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.Overlay;
import java.nio.charset.StandardCharsets;

/** A one-component workspace around a spec text, and the engine to edit it. */
final class SpecFixture {
  final Workspace ws;
  final OverlayEngine engine;

  private SpecFixture(String spec, Compat compat) {
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", new TreeFile(spec.getBytes(StandardCharsets.UTF_8), false));
    this.ws = Workspace.fromTree("demo", "demo", tree);
    this.engine = new OverlayEngine(compat);
  }

  static SpecFixture of(String... lines) {
    return new SpecFixture(String.join("\n", lines) + "\n", Compat.AZLDEV_2026_04);
  }

  static SpecFixture current(String... lines) {
    return new SpecFixture(String.join("\n", lines) + "\n", Compat.CURRENT);
  }

  SpecFixture apply(Overlay... overlays) {
    for (Overlay o : overlays) {
      engine.apply(ws, o);
    }
    return this;
  }

  String text() {
    return ws.spec().render();
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
