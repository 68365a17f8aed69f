package dev.rpmoverlay.config;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared conformance data (../shared, or -Drpmoverlay.shared); tests skip when it is absent. */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    return dev.rpmoverlay.testing.SharedDir.path();
  }

  static Path azlProject() {
    Path p = root().resolve("conformance/azldev/project");
    assumeTrue(Files.isRegularFile(p.resolve("azldev.toml")), "shared AZL project not available at " + p);
    return p;
  }

  static Path azlCases() {
    Path p = root().resolve("conformance/azldev/cases");
    assumeTrue(Files.isDirectory(p), "shared AZL cases not available at " + p);
    return p;
  }
}
