package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpmoverlay.config.LoadOptions;
import dev.rpmoverlay.config.Project;
import dev.rpmoverlay.config.ProjectLoader;
import dev.rpmoverlay.testing.LocalProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which components a fetch, update or lock check works on, resolved on every core. */
class UpstreamComponentsTest {
  @TempDir Path dir;

  /** A project of {@code count} upstream components {@code c000...}, and one local spec {@code local}. */
  Project project(int count, String distGitBaseUri) throws IOException {
    StringBuilder toml = new StringBuilder(LocalProject.HEADER.replace("[distros.demo]\n",
        "[distros.demo]\n" + (distGitBaseUri.isEmpty() ? "" : "dist-git-base-uri = \"" + distGitBaseUri + "\"\n")));
    for (int i = 0; i < count; i++) {
      toml.append("[components.c%03d]\n".formatted(i));
    }
    toml.append("[components.local]\nspec = { type = \"local\", path = \"local\" }\n");
    Files.createDirectories(dir.resolve("local"));
    Files.writeString(dir.resolve("azldev.toml"), toml);
    return ProjectLoader.load(LoadOptions.of(dir));
  }

  @Test
  void selectionKeepsTheOrderOfTheNames() throws IOException {
    Project p = project(200, "https://git.example/$pkg");
    List<String> names = new ArrayList<>(p.componentNames());
    java.util.Collections.reverse(names);
    List<UpstreamComponents.Selected> selected = UpstreamComponents.of(p, names);
    assertThat(selected).extracting(UpstreamComponents.Selected::name).containsExactlyElementsOf(names);
    assertThat(selected.get(0).upstream()).isEmpty(); // 'local', last by name
    assertThat(selected.get(1).upstream()).get().extracting(u -> u.url()).isEqualTo("https://git.example/c199");
  }

  @Test
  void theFirstNameInOrderThatCannotBeSelectedIsReportedWhicheverThreadFoundIt() throws IOException {
    Project p = project(200, "");
    List<String> names = new ArrayList<>(p.componentNames());
    java.util.Collections.reverse(names);
    for (int run = 0; run < 5; run++) {
      assertThatThrownBy(() -> UpstreamComponents.of(p, names))
          .isInstanceOf(UserException.class)
          .hasMessage("component 'c199': distro 'demo' version '1' needs dist-git-base-uri and dist-git-branch to fetch upstream sources");
    }
  }
}
