package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.model.ComponentConfig;
import dev.rpmoverlay.config.model.Overlay;
import dev.rpmoverlay.testing.Components;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintsTest {

  @TempDir Path tmp;
  static final String COMMIT = "3f1e9a0c2b7d4e5f60718293a4b5c6d7e8f90123";

  private String fp(ComponentConfig c) {
    return Fingerprints.input(c, COMMIT, 0, "43", "current");
  }

  @Test
  void theFingerprintIsASha256OfTheCanonicalFormAndEqualForEqualConfigs() {
    Path toml = tmp.resolve("curl.comp.toml");
    String a = fp(Components.upstream("curl", toml, List.of(Components.addTag(0, "why", toml, "zlib-devel"))));
    String b = fp(Components.upstream("curl", toml, List.of(Components.addTag(0, "why", toml, "zlib-devel"))));
    assertThat(a).matches("sha256:[0-9a-f]{64}").isEqualTo(b);
  }

  @Test
  void documentationAndPositionsDoNotChangeIt() {
    Path toml = tmp.resolve("curl.comp.toml");
    String a = fp(Components.upstream("curl", toml, List.of(Components.addTag(0, "why", toml, "zlib-devel"))));
    Path moved = tmp.resolve("elsewhere/curl.comp.toml");
    String b = fp(Components.upstream("curl", moved, List.of(Components.addTag(0, "a better reason", moved, "zlib-devel"))));
    assertThat(b).isEqualTo(a);
  }

  @Test
  void anOverlayValueTheCommitTheReleaseVerOrTheCompatModeChangeIt() {
    Path toml = tmp.resolve("curl.comp.toml");
    ComponentConfig c = Components.upstream("curl", toml, List.of(Components.addTag(0, "why", toml, "zlib-devel")));
    String base = fp(c);
    assertThat(fp(Components.upstream("curl", toml, List.of(Components.addTag(0, "why", toml, "zstd-devel"))))).isNotEqualTo(base);
    assertThat(Fingerprints.input(c, "0".repeat(40), 0, "43", "current")).isNotEqualTo(base);
    assertThat(Fingerprints.input(c, COMMIT, 1, "43", "current")).isNotEqualTo(base);
    assertThat(Fingerprints.input(c, COMMIT, 0, "44", "current")).isNotEqualTo(base);
    assertThat(Fingerprints.input(c, COMMIT, 0, "43", "azldev-2026-04")).isNotEqualTo(base);
  }

  @Test
  void theContentOfAnOverlaySourceFileChangesIt() throws Exception {
    Path toml = tmp.resolve("curl.comp.toml");
    Files.writeString(tmp.resolve("fix.patch"), "--- a\n+++ b\n");
    ComponentConfig c = Components.upstream("curl", toml,
        List.of(new Overlay.PatchAdd(Components.info(0, "fix", toml, 3), "fix.patch", "", "")));
    String before = fp(c);
    Files.writeString(tmp.resolve("fix.patch"), "--- a\n+++ b\n@@\n");
    assertThat(fp(c)).isNotEqualTo(before);
  }

  @Test
  void aMissingOverlaySourceFileIsAnErrorNamingComponentAndOverlay() {
    Path toml = tmp.resolve("curl.comp.toml");
    ComponentConfig c = Components.upstream("curl", toml,
        List.of(new Overlay.FileAdd(Components.info(2, "add config", toml, 3), "curl.conf", "missing.conf")));
    assertThatThrownBy(() -> fp(c)).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("component 'curl', overlay #2 (add config): cannot read source file");
  }

  @Test
  void lengthPrefixesKeepFieldsFromRunningTogether() {
    var one = new java.util.LinkedHashMap<String, String>();
    one.put("a", "b\n1:c=1:d");
    var two = new java.util.LinkedHashMap<String, String>();
    two.put("a", "b");
    two.put("c", "d");
    assertThat(Fingerprints.hash(one)).isNotEqualTo(Fingerprints.hash(two));
  }

  @Test
  void theLocalSourceIdentityCoversFileNamesAndContents() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("spec"));
    Files.writeString(dir.resolve("x.spec"), "Name: x\n");
    String a = Fingerprints.localSourceIdentity(dir);
    Files.writeString(dir.resolve("x.spec"), "Name: x\n#\n");
    String b = Fingerprints.localSourceIdentity(dir);
    Files.move(dir.resolve("x.spec"), dir.resolve("y.spec"));
    String c = Fingerprints.localSourceIdentity(dir);
    assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
  }
}
