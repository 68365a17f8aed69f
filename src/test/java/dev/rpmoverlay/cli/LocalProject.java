package dev.rpmoverlay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal project of local-spec components (no upstream, no locks needed) for CLI tests. */
final class LocalProject {
  private LocalProject() {}

  /** Writes {@code azldev.toml} with {@code extraProject} lines in {@code [project]} (rendered-specs-dir defaults to specs) and one local component per name. */
  static Path write(Path dir, String extraProject, String... names) throws IOException {
    Files.createDirectories(dir);
    StringBuilder toml = new StringBuilder(header(extraProject));
    for (String name : names) {
      toml.append("[components.").append(name).append("]\nspec = { type = \"local\", path = \"comps/").append(name).append("\" }\n");
      Path spec = Files.createDirectories(dir.resolve("comps").resolve(name));
      Files.writeString(spec.resolve(name + ".spec"), "Name: " + name + "\nVersion: 1\nRelease: 1%{?dist}\nSummary: x\nLicense: MIT\n\n%description\nd\n");
    }
    Files.writeString(dir.resolve("azldev.toml"), toml.toString());
    return dir;
  }

  /** {@code [project]} (with {@code extraProject} lines) and the distro, without components. */
  static String header(String extraProject) {
    String specsDir = extraProject.contains("rendered-specs-dir") ? "" : "rendered-specs-dir = \"specs\"\n";
    return "[project]\n" + specsDir + extraProject + "default-distro = { name = \"demo\", version = \"1\" }\n"
        + "[distros.demo]\ndefault-version = \"1\"\n[distros.demo.versions.1]\nrelease-ver = \"1\"\ndist-git-branch = \"main\"\n";
  }
}
