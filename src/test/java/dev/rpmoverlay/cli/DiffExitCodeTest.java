package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.LocalProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}'s exit code is 1 when components cannot be rendered, however many are selected. */
class DiffExitCodeTest {
  @TempDir Path project;

  @BeforeEach
  void writeProject() throws IOException {
    StringBuilder toml = new StringBuilder(LocalProject.HEADER);
    for (String name : new String[] {"broken1", "broken2"}) {
      toml.append("\n[components.").append(name).append("]\nspec = { type = \"local\", path = \"comps/").append(name).append("\" }\n")
          .append("[[components.").append(name).append(".overlays]]\ntype = \"spec-search-replace\"\nregex = \"^no such line$\"\ndescription = \"stale overlay\"\n");
      Path dir = Files.createDirectories(project.resolve("comps").resolve(name));
      Files.writeString(dir.resolve(name + ".spec"), "Name: " + name + "\nRelease: 1\n\n%description\nd\n");
    }
    Files.writeString(project.resolve("azldev.toml"), toml.toString());
  }

  @Test
  void oneFailingComponentExitsOne() {
    CliRun r = CliRun.of("-C", project.toString(), "diff", "broken1");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("stale overlay");
  }

  @Test
  void twoFailingComponentsExitOne() {
    CliRun r = CliRun.of("-C", project.toString(), "diff", "broken1", "broken2");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
  }
}
