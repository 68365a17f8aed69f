package dev.rpmoverlay.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineEntryInserterTest {

  @Test
  void insertsAtTheSortedPositionOfTheBareEntryList() {
    String text = "includes = [\"**/*.comp.toml\"]\n\n[components.bash]\n[components.curl]\n[components.zlib]\n";

    assertThat(InlineEntryInserter.insert(text, "expat"))
        .isEqualTo("includes = [\"**/*.comp.toml\"]\n\n[components.bash]\n[components.curl]\n[components.expat]\n[components.zlib]\n");
  }

  @Test
  void appendsToAnUnsortedList() {
    String text = "[components.zlib]\n[components.bash]\n";

    assertThat(InlineEntryInserter.insert(text, "curl")).isEqualTo("[components.zlib]\n[components.bash]\n[components.curl]\n");
  }

  @Test
  void choosesTheLongestRunAndLeavesTablesWithSettingsAlone() {
    String text = "[components.valgrind.build.check]\nskip = true\n\n[components.aa]\n\n[components.bash]\n[components.curl]\n";

    assertThat(InlineEntryInserter.insert(text, "abc"))
        .isEqualTo("[components.valgrind.build.check]\nskip = true\n\n[components.aa]\n\n[components.abc]\n[components.bash]\n[components.curl]\n");
  }

  @Test
  void quotesNamesThatAreNotBareKeysAndSortsQuotedOnesByName() {
    String text = "[components.python3]\n[components.\"python3.9\"]\n[components.tcl]\n";

    assertThat(InlineEntryInserter.insert(text, "python3.6"))
        .isEqualTo("[components.python3]\n[components.\"python3.6\"]\n[components.\"python3.9\"]\n[components.tcl]\n");
  }

  @Test
  void appendsAfterABlankLineWhenTheFileHasNoBareEntries() {
    assertThat(InlineEntryInserter.insert("[project]\ndescription = \"x\"", "curl"))
        .isEqualTo("[project]\ndescription = \"x\"\n\n[components.curl]\n");
  }

  @Test
  void keepsWindowsLineEndings() {
    assertThat(InlineEntryInserter.insert("[components.a]\r\n[components.c]\r\n", "b"))
        .isEqualTo("[components.a]\r\n[components.b]\r\n[components.c]\r\n");
  }

  @Test
  void countsOnlyBareEntries() {
    assertThat(InlineEntryInserter.countBareEntries("[components.a]\n[components.b.build]\n[components.\"c.d\"] # x\n")).isEqualTo(2);
  }
}
