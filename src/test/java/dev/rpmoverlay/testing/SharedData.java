package dev.rpmoverlay.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared data beside the repository: {@code -Drpmoverlay.shared=DIR}, else {@code ../shared}.
 * Tests that need it skip (JUnit assumptions) when what they need is not there, as it is not for
 * an outside user.
 */
public final class SharedData {
  private SharedData() {}

  /** Where the shared data is expected, whether or not it exists. */
  public static Path path() {
    String property = System.getProperty("rpmoverlay.shared");
    Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("..", "shared");
    return root.toAbsolutePath().normalize();
  }

  /** The shared data directory, when it exists. */
  public static Optional<Path> dir() {
    Path p = path();
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /** {@code conformance/azldev} (project and cases), when it exists. */
  public static Optional<Path> azldevConformance() {
    return dir().map(d -> d.resolve("conformance/azldev")).filter(Files::isDirectory);
  }

  /** The Azure Linux 4 project of the azldev conformance data; the calling test skips without it. */
  public static Path azldevProject() {
    Path p = path().resolve("conformance/azldev/project");
    assumeTrue(Files.isRegularFile(p.resolve("azldev.toml")), "shared AZL project not available at " + p);
    return p;
  }

  /** The azldev conformance cases; the calling test skips without them. */
  public static Path azldevCases() {
    Path p = path().resolve("conformance/azldev/cases");
    assumeTrue(Files.isDirectory(p), "shared AZL cases not available at " + p);
    return p;
  }

  /** Whether {@code command --version} runs, i.e. the command is on PATH. */
  public static boolean onPath(String command) {
    try {
      Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
