package scratch;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.config.model.Compat;
import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.overlay.OverlayEngine;
import dev.rpmoverlay.render.ComponentRenderer;
import dev.rpmoverlay.render.DirectorySourceTreeProvider;
import dev.rpmoverlay.render.RenderedComponent;
import dev.rpmoverlay.render.Templates;
import dev.rpmoverlay.review.*;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchRenderTest {
  @Test
  void renderAll() throws Exception {
    Project project = ProjectLoader.load(LoadOptions.of(Path.of("").toAbsolutePath()));
    var provider = DirectorySourceTreeProvider.localOr(Path.of("/work/shared/fixtures/distgit"));
    OverlayEngine engine = new OverlayEngine(Compat.CURRENT);
    ComponentRenderer renderer = new ComponentRenderer(provider, Templates.bundled(), engine);
    PrintWriter out = new PrintWriter(new java.io.FileWriter("/tmp/scratch-diff.txt"), true);
    for (String name : project.componentNames()) {
      ComponentConfig c = project.resolve(name);
      try {
        RenderedComponent r = renderer.render(c, 1);
        RenderTrace t = new TraceBuilder(engine).build(c, provider.sourceTree(c), r.files(), r.specFileName(), r.spec());
        ComponentDiff d = new ComponentDiffer().diff(t);
        new UnifiedDiffWriter(out).write(d);
      } catch (RuntimeException e) {
        out.println("FAILED " + name + ": " + e);
      }
    }
    out.close();
  }
}
