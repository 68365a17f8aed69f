package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code diff --no-synthesized} and how {@code --stat} shows renames, on the shipped project. */
class DiffReviewOptionsTest {
  private static final String REPO = Path.of("").toAbsolutePath().toString();

  @Test
  void noSynthesizedLeavesOutComponentsOnlyRpmoverlayChanged() {
    CliRun r = CliRun.of("-C", REPO, "diff", "--stat", "--no-synthesized", "-a");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("+banner", "+autorelease", "+release").contains(" sudo/sudoers ")
        .endsWith("15 components, 23 files changed, 101 insertions(+), 226 deletions(-)\n");
  }

  @Test
  void noSynthesizedDropsTheBannerHunkButKeepsOverlayHunks() {
    CliRun r = CliRun.of("-C", REPO, "diff", "--no-synthesized", "nginx");

    assertThat(r.out()).doesNotContain("synthesized: banner", "# This spec file has been modified")
        .contains("overlay #1 spec-search-replace [azl-branding-policy]");
  }

  @Test
  void statShowsARenameAsOldArrowNew() {
    CliRun r = CliRun.of("-C", REPO, "diff", "--stat", "nginx");

    assertThat(r.out()).contains(" nginx/nginx@.service \u2192 nginx-instance.service | ");
  }
}
