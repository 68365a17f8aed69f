package dev.rpmoverlay.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project whose components come from one dist-git server (distro fedora 43, branch f43). */
public final class FedoraProject {
  private FedoraProject() {}

  /**
   * Writes {@code dir/azldev.toml} with {@code distGitBase} + {@code $pkg} as the dist-git URL and an
   * empty {@code [components.NAME]} per name.
   */
  public static Path write(Path dir, String distGitBase, String... components) throws IOException {
    StringBuilder toml = new StringBuilder("""
        [project]
        default-distro = { name = "fedora" }
        [distros.fedora]
        default-version = "43"
        dist-git-base-uri = "%s$pkg"
        [distros.fedora.versions.43]
        release-ver = "43"
        dist-git-branch = "f43"
        """.formatted(distGitBase));
    for (String c : components) {
      toml.append("[components.").append(c).append("]\n");
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("azldev.toml"), toml.toString());
    return dir;
  }
}
