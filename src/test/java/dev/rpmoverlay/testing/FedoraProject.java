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
    StringBuilder toml = new StringBuilder("[project]\ndefault-distro = { name = \"fedora\" }\n").append(fedora(distGitBase));
    for (String c : components) {
      toml.append("[components.").append(c).append("]\n");
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("azldev.toml"), toml.toString());
    return dir;
  }

  /**
   * Writes {@code dir/azldev.toml} for a downstream distro: distro {@code downstream} renders from
   * fedora 43 (served at {@code distGitBase} + {@code $pkg}, branch f43) at {@code snapshot} (none
   * when empty: the branch tip), into {@code specs/}; {@code [components]} is left empty.
   */
  public static Path writeDownstream(Path dir, String distGitBase, String snapshot) throws IOException {
    String upstream = snapshot.isEmpty() ? "{ name = \"fedora\", version = \"43\" }"
        : "{ name = \"fedora\", version = \"43\", snapshot = \"" + snapshot + "\" }";
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("azldev.toml"), """
        [project]
        default-distro = { name = "downstream" }
        rendered-specs-dir = "specs"
        """ + fedora(distGitBase) + """
        [distros.downstream]
        default-version = "1"
        [distros.downstream.versions.1]
        release-ver = "1"
        default-component-config.spec = { type = "upstream", upstream-distro = %s }
        [components]
        """.formatted(upstream));
    return dir;
  }

  private static String fedora(String distGitBase) {
    return """
        [distros.fedora]
        default-version = "43"
        dist-git-base-uri = "%s$pkg"
        [distros.fedora.versions.43]
        release-ver = "43"
        dist-git-branch = "f43"
        """.formatted(distGitBase);
  }
}
