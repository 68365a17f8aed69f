package dev.rpmoverlay.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistGitMirrorsTest {

  @Test
  void aUrlUnderThePrefixIsFetchedFromTheReplacementPlusTheRest() {
    DistGitMirrors m = new DistGitMirrors(List.of(DistGitMirrors.parseRule("https://src.fedoraproject.org/rpms/=file:///srv/m/")));
    assertThat(m.fetchUrl("https://src.fedoraproject.org/rpms/curl.git")).isEqualTo("file:///srv/m/curl.git");
    assertThat(m.rewrites("https://src.fedoraproject.org/rpms/curl.git")).isTrue();
  }

  @Test
  void aUrlOutsideEveryPrefixIsFetchedAsConfigured() {
    DistGitMirrors m = new DistGitMirrors(List.of(DistGitMirrors.parseRule("https://src.fedoraproject.org/rpms/=file:///srv/m/")));
    assertThat(m.fetchUrl("https://gitlab.com/x/curl.git")).isEqualTo("https://gitlab.com/x/curl.git");
    assertThat(m.rewrites("https://gitlab.com/x/curl.git")).isFalse();
  }

  @Test
  void theLongestMatchingPrefixWinsWhateverTheOrderGiven() {
    DistGitMirrors m = new DistGitMirrors(List.of(
        DistGitMirrors.parseRule("https://h/=file:///all/"),
        DistGitMirrors.parseRule("https://h/rpms/=file:///rpms/")));
    assertThat(m.fetchUrl("https://h/rpms/a.git")).isEqualTo("file:///rpms/a.git");
    assertThat(m.fetchUrl("https://h/other/a.git")).isEqualTo("file:///all/other/a.git");
  }

  @Test
  void theRuleSplitsAtTheFirstEqualsSign() {
    assertThat(DistGitMirrors.parseRule("https://h/?a=b=c")).isEqualTo(new DistGitMirrors.Rule("https://h/?a", "b=c"));
  }

  @Test
  void aRuleWithoutBothSidesIsRefused() {
    assertThatThrownBy(() -> DistGitMirrors.parseRule("=file:///x")).hasMessageContaining("expected URL_PREFIX=MIRROR_PREFIX");
    assertThatThrownBy(() -> DistGitMirrors.parseRule("https://h/=")).hasMessageContaining("expected URL_PREFIX=MIRROR_PREFIX");
  }
}
