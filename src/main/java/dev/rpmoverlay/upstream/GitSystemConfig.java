package dev.rpmoverlay.upstream;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.util.FS;

/**
 * Where git's system-wide config file is, found without running git. JGit asks the {@code git} on
 * the PATH ({@code git --version}, then {@code git config --system --show-origin --list}): two
 * child processes on the first repository a process opens, 20-30 ms of every command that reads
 * git (docs/benchmarks.md, session 24). A Linux distribution's git, {@code /usr/bin/git} (or
 * {@code /bin/git} where /bin is /usr/bin), is built with prefix /usr, and git's Makefile puts the
 * system config of a /usr prefix at {@code /etc/gitconfig}: that file is what git itself would
 * report, whether or not it exists (a missing file is an empty config to both). Any other git (one
 * built into /usr/local or a home directory, or a macOS shim) is left to JGit's discovery, and
 * {@code GIT_CONFIG_NOSYSTEM} still turns the file off as JGit reads it.
 */
public final class GitSystemConfig {
  private static final Path DISTRIBUTION_CONFIG = Path.of("/etc/gitconfig");

  private GitSystemConfig() {}

  /** Tells JGit's default file system where the system config is, when that is known without git. */
  static void preset() {
    location(System::getenv, System.getProperty("os.name", ""))
        .ifPresent(config -> FS.DETECTED.setGitSystemConfig(config.toFile()));
  }

  /**
   * The system config file of the git that JGit would run, when it is a Linux distribution's git;
   * empty when only asking git can tell (or there is no git, or the file is turned off).
   */
  static Optional<Path> location(UnaryOperator<String> environment, String osName) {
    String noSystem = environment.apply("GIT_CONFIG_NOSYSTEM");
    if (!osName.equals("Linux") || (noSystem != null && !noSystem.isEmpty())) {
      return Optional.empty();
    }
    return firstGitOnPath(environment.apply("PATH"))
        .filter(git -> git.equals(Path.of("/usr/bin/git")) || git.equals(Path.of("/bin/git")))
        .map(git -> DISTRIBUTION_CONFIG);
  }

  /**
   * The {@code git} JGit runs: the first executable file named git in a PATH entry, searched as
   * JGit's {@code FS.searchPath} does (an empty entry is the root directory, as {@link File} reads it).
   */
  private static Optional<Path> firstGitOnPath(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      File git = new File(dir, "git");
      if (git.isFile() && git.canExecute()) {
        return Optional.of(git.getAbsoluteFile().toPath());
      }
    }
    return Optional.empty();
  }
}
