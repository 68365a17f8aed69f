package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference scan's shortcuts (skipping lines no pattern can match) keep every form the patterns accept. */
class SpecReferencesTest {

  @Test
  void tagsMatchInAnyCaseAndAfterLeadingBlanks() {
    SpecReferences refs = SpecReferences.of(List.of(
        "Name: demo", "  SOURCE0: https://example.org/%{name}-1.0.tar.gz", "\tpatch3 : fix.patch",
        "source: plain.txt", "Sourcery: not-a-source", "Requires: source.txt"));
    assertThat(refs.resolved()).isTrue();
    assertThat(refs.names()).containsExactly("demo-1.0.tar.gz", "fix.patch", "plain.txt");
  }

  @Test
  void macrosDefinedWithBlanksOrInAnyTagCaseExpand() {
    SpecReferences refs = SpecReferences.of(List.of(
        "\t%global base  tool", " %define ver 2", "VERSION: %{ver}.1", "nAmE: x",
        "Source1: %{base}-%{version}.tar.gz", "Source2: %{name}.conf", "%globalx nope 1", "Source3: %{nope}.txt"));
    assertThat(refs.names()).contains("tool-2.1.tar.gz", "x.conf");
    assertThat(refs.resolved()).isFalse(); // %{nope}: %globalx defines nothing
  }

  @Test
  void includesAndSourceListsCountWithLeadingBlanks() {
    SpecReferences refs = SpecReferences.of(List.of("  %include common.inc", "%sourcelist", "  extra.tar.gz", "", "%prep"),
        name -> name.equals("common.inc") ? Optional.of(List.of("Source9: from-include.txt")) : Optional.empty());
    assertThat(refs.names()).containsExactly("common.inc", "extra.tar.gz", "from-include.txt");
  }
}
