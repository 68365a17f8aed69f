package dev.rpmoverlay.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkspaceTest {
  static TreeFile file(String text) {
    return new TreeFile(text.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void theUpstreamNamedSpecBecomesTheComponentsSpec() {
    SourceTree tree = new SourceTree();
    tree.put("redhat-rpm-config.spec", file("Name: redhat-rpm-config\n"));
    tree.put("macros", file("%x 1\n"));
    Workspace ws = Workspace.fromTree("azurelinux-rpm-config", "redhat-rpm-config", tree);
    assertThat(ws.specFileName()).isEqualTo("azurelinux-rpm-config.spec");
    assertThat(ws.toTree().files().keySet()).containsExactly("azurelinux-rpm-config.spec", "macros");
    assertThat(ws.spec().render()).isEqualTo("Name: redhat-rpm-config\n");
  }

  @Test
  void crlfBecomesLfAndAMissingFinalNewlineIsAdded() {
    SourceTree tree = new SourceTree();
    tree.put("demo.spec", file("Name: demo\r\n%description\r\nd"));
    assertThat(Workspace.fromTree("demo", "demo", tree).spec().render()).isEqualTo("Name: demo\n%description\nd\n");
  }

  @Test
  void aMissingSpecIsReportedWithBothNames() {
    SourceTree tree = new SourceTree();
    assertThatThrownBy(() -> Workspace.fromTree("a", "b", tree))
        .hasMessage("component a: no spec file 'a.spec' or 'b.spec' in its sources");
  }
}
