package dev.rpmoverlay.release.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** rpm macro syntax as the version reader needs it. */
class MacroExpanderTest {
  private final MacroTable table = MacroTable.rpmautospecDefaults("/src");

  private String expand(String text) throws Undetermined {
    return MacroExpander.expand(text, table);
  }

  @Test
  void plainAndBracedNamesExpandAndPercentPercentIsALiteralPercent() throws Exception {
    table.define("name", MacroDefinition.Body.plain("demo"));
    assertThat(expand("%name-%{name} 100%%")).isEqualTo("demo-demo 100%");
  }

  @Test
  void parametricMacrosSeeTheirOptionsAndArguments() throws Exception {
    table.define("greet", new MacroDefinition.Body("%{?-l:long }%{-n*}:%1:%#", "ln:"));
    assertThat(expand("%{greet -l -n x a b}")).isEqualTo("long x:a:2");
    assertThat(expand("%greet -nvalue first")).isEqualTo("value:first:1");
  }

  @Test
  void autoreleaseReportsItsFlagsTheWayRpmautospecQueriesThem() throws Exception {
    assertThat(expand("%autorelease -p -b 3")).isEqualTo("E_S_P1_B3");
    assertThat(expand("%{?autorelease}%{!?autorelease:1}")).isEqualTo("E_S_P0_B");
  }

  @Test
  void expandExpandsItsResultAgain() throws Exception {
    table.define("with_x", MacroDefinition.Body.plain("1"));
    assertThat(expand("%{expand:%%{?with_%{quote:x}:yes}}")).isEqualTo("yes");
  }

  @Test
  void expressionsInBracketsAreEvaluated() throws Exception {
    assertThat(expand("%[2 * (3 + 4)]")).isEqualTo("14");
    assertThat(expand("%[\"a\" < \"b\" ? 1 : 0]")).isEqualTo("1");
  }

  @Test
  void whatNeedsARealRpmIsUndetermined() {
    assertThatThrownBy(() -> expand("%(uname -r)")).isInstanceOf(Undetermined.class);
    assertThatThrownBy(() -> expand("%{lua: print(1)}")).isInstanceOf(Undetermined.class);
    assertThatThrownBy(() -> expand("%{not_defined}")).hasMessageContaining("not defined");
  }

  @Test
  void selfReferenceStopsInsteadOfLoopingForever() {
    table.define("loop", MacroDefinition.Body.plain("%{loop}"));
    assertThatThrownBy(() -> expand("%loop")).hasMessageContaining("nests too deeply");
  }

  @Test
  void undefiningADefaultHidesItWithoutChangingTheSharedDefaults() throws Exception {
    table.undefine("_vendor");
    assertThat(expand("%{?_vendor}")).isEmpty();
    assertThat(MacroExpander.expand("%{_vendor}", MacroTable.rpmautospecDefaults("/src"))).isEqualTo("redhat");
  }
}
