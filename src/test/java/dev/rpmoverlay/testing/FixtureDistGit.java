package dev.rpmoverlay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Local dist-git repositories built by docs/examples/make-fixture-repos.sh, as the tutorial builds them. */
public final class FixtureDistGit {
  private FixtureDistGit() {}

  /** Builds one bare repository per package of {@code fixtures} (one NAME/ dir each) under {@code out}. */
  public static Path build(Path repo, Path out, Path fixtures) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", repo.resolve("docs/examples/make-fixture-repos.sh").toString(), out.toString(), fixtures.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("make-fixture-repos.sh finishes").isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    return out;
  }

  /** The {@code --dist-git-mirror} rule that fetches Fedora's packages from {@code repos}. */
  public static String mirrorRule(Path repos) {
    return "https://src.fedoraproject.org/rpms/=" + repos + "/";
  }
}
