package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project survives the trip through bytes whole: every declared value, warning and opaque section. */
class ProjectCodecTest {
  @TempDir Path tmp;

  private static Project roundTrip(Project p) throws Exception {
    return ProjectCodec.decode(ByteBuffer.wrap(ProjectCodec.encode(p)));
  }

  @Test
  void theShippedProjectSurvivesTheRoundTrip() throws Exception {
    Project shipped = ProjectLoader.load(LoadOptions.of(Path.of("").toAbsolutePath()));

    ProjectSnapshotTest.assertSameProject(roundTrip(shipped), shipped);
  }

  @Test
  void theAzureLinuxProjectWithEveryFileParsedSurvivesTheRoundTrip() throws Exception {
    Project azl = ProjectLoader.load(LoadOptions.of(AzlProject.dir()).parsingEverything());

    Project decoded = roundTrip(azl);

    ProjectSnapshotTest.assertSameProject(decoded, azl);
    assertThat(decoded.extras()).isNotEmpty();
    assertThat(decoded.resolve("curl")).isEqualTo(azl.resolve("curl"));
  }

  @Test
  void warningsAndOpaqueValuesOfEveryKindSurvive() throws Exception {
    ProjectFixture f = new ProjectFixture(tmp).project("""
        [tools.mock]
        ratio = 0.25
        count = 3
        on = true
        names = ["x", "y"]
        when = 2026-01-05
        [tools.mock.nested]
        b = "second"
        a = "first"
        """);
    f.file("comps/a.comp.toml", "[components.a]\nunknown-key = 1\n[components.a.build]\ndefines = { z = \"1\", a = \"2\" }\n");
    Project loaded = f.load(LoadOptions.of(tmp).withPermissive(true));
    assertThat(loaded.warnings()).isNotEmpty();

    ProjectSnapshotTest.assertSameProject(roundTrip(loaded), loaded);
  }

  @Test
  void damagedBytesAreAnErrorNotAProject() throws Exception {
    byte[] bytes = ProjectCodec.encode(ProjectLoader.load(LoadOptions.of(Path.of("").toAbsolutePath())));

    assertThatThrownBy(() -> ProjectCodec.decode(ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length / 2)))).isInstanceOf(IOException.class);
  }
}
