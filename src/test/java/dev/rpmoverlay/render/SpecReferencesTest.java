package dev.rpmoverlay.render;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rpmoverlay.spec.SpecDocument;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference scan's shortcuts (skipping lines no pattern can match) keep every form the patterns accept. */
class SpecReferencesTest {

  @Test
  void tagsMatchInAnyCaseAndAfterLeadingBlanks() {
    SpecReferences refs = of(List.of(
        "Name: demo", "  SOURCE0: https://example.org/%{name}-1.0.tar.gz", "\tpatch3 : fix.patch",
        "source: plain.txt", "Sourcery: not-a-source", "Requires: source.txt"));
    assertThat(refs.resolved()).isTrue();
    assertThat(refs.names()).containsExactly("demo-1.0.tar.gz", "fix.patch", "plain.txt");
  }

  @Test
  void macrosDefinedWithBlanksOrInAnyTagCaseExpand() {
    SpecReferences refs = of(List.of(
        "\t%global base  tool", " %define ver 2", "VERSION: %{ver}.1", "nAmE: x",
        "Source1: %{base}-%{version}.tar.gz", "Source2: %{name}.conf", "%globalx nope 1", "Source3: %{nope}.txt"));
    assertThat(refs.names()).contains("tool-2.1.tar.gz", "x.conf");
    assertThat(refs.resolved()).isFalse(); // %{nope}: %globalx defines nothing
  }

  @Test
  void includesAndSourceListsCountWithLeadingBlanks() {
    SpecReferences refs = SpecReferences.of(spec(List.of("  %include common.inc", "%sourcelist", "  extra.tar.gz", "", "%prep")),
        name -> name.equals("common.inc") ? Optional.of(SpecDocument.parse("Source9: from-include.txt\n")) : Optional.empty());
    assertThat(refs.names()).containsExactly("common.inc", "extra.tar.gz", "from-include.txt");
  }

  @Test
  void tagShapedLinesOutsideThePreambleNameNothingAndDefineNothing() {
    // mariadb's %changelog quotes "Patch32: ..."; a heredoc in %install writes "Name: %{name}"
    SpecReferences refs = of(List.of("Name: demo", "Source0: %{name}.tar.gz", "%install",
        "cat > demo.pc <<EOF", "Name: %{name}", "EOF", "%changelog", "- Rebase patches:", "    Patch32: mariadb-basedir.patch"));
    assertThat(refs.resolved()).isTrue();
    assertThat(refs.names()).containsExactly("demo.tar.gz");
  }

  @Test
  void aMacroRedefinedInTermsOfItselfExpandsInLinearTime() {
    // ruby.spec's shape: each definition refers to the one before, so an unremembered expansion
    // branches three ways at every level down to the depth limit (3^20 expansions, 26 s).
    List<String> spec = List.of("Name: ruby", "%global archive %{name}-4.0",
        "%if 0%{?milestone:1}", "%global archive %{archive}-%{?milestone}", "%endif",
        "%if 0%{?revision:1}", "%global archive %{archive}-%{?revision}", "%endif",
        "Source0: https://example.org/%{archive}.tar.xz");
    SpecReferences refs = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> of(spec));
    assertThat(refs.resolved()).isFalse(); // the self-reference never bottoms out within the depth limit
  }

  private static SpecReferences of(List<String> lines) {
    return SpecReferences.of(spec(lines), name -> Optional.empty());
  }

  private static SpecDocument spec(List<String> lines) {
    return SpecDocument.parse(String.join("\n", lines));
  }
}
