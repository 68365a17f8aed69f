package dev.rpmoverlay.testing;

/** The config of a small project whose components are local specs (no dist-git, no network). */
public final class LocalProject {
  private LocalProject() {}

  /**
   * The top of its {@code azldev.toml}: specs rendered into {@code specs/}, one distro {@code demo}
   * version 1. Tests append their {@code [components.NAME]} tables.
   */
  public static final String HEADER = """
      [project]
      rendered-specs-dir = "specs"
      default-distro = { name = "demo", version = "1" }

      [distros.demo]
      default-version = "1"
      [distros.demo.versions.1]
      release-ver = "1"
      dist-git-branch = "main"

      """;
}
