package dev.rpmoverlay.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a small project into a temp dir and loads it. */
final class ProjectFixture {
  private final Path dir;

  ProjectFixture(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Writes {@code text} to {@code path} (relative), creating directories. */
  ProjectFixture file(String path, String text) {
    try {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * A project file that includes {@code comps/**}{@code /*.toml} and has a default distro whose
   * version pins fedora 43 at a snapshot; {@code rest} is appended (it starts on line 19).
   */
  ProjectFixture project(String rest) {
    return file(
        "azldev.toml",
        """
        includes = ["comps/**/*.toml"]
        [project]
        default-distro = { name = "azl" }

        [distros.azl]
        default-version = "1"
        [distros.azl.versions.1.default-component-config]
        spec = { type = "upstream", upstream-distro = { name = "fedora", version = "43", snapshot = "2026-01-01T00:00:00Z" } }

        [distros.fedora]
        default-version = "43"
        dist-git-base-uri = "https://src.example/rpms/$pkg.git"
        lookaside-base-uri = "https://src.example/lookaside/$pkg/$filename/$hashtype/$hash/$filename"
        [distros.fedora.versions.43]
        dist-git-branch = "f43"
        [distros.fedora.versions.rawhide]
        dist-git-branch = "rawhide"

        """
            + rest);
  }

  Project load() {
    return ProjectLoader.load(LoadOptions.of(dir));
  }

  Project load(LoadOptions options) {
    return ProjectLoader.load(options);
  }

  /** The formatted problems of a load that must fail. */
  List<String> errors() {
    try {
      load();
    } catch (ConfigException e) {
      return e.problems().stream().map(p -> p.format(e.projectDir())).toList();
    }
    throw new AssertionError("expected the load to fail");
  }
}
