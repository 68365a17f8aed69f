package dev.rpmoverlay.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpmoverlay.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/** A plain list of components reads as the TOML parser reads it, or is left to the parser. */
class ComponentListTextTest {

  /** Every key path with its position and value, as the parser (or the list reader) gives them. */
  private static String dump(TomlTable table) {
    StringBuilder out = new StringBuilder();
    dump(table, "", out);
    return out.toString();
  }

  private static void dump(TomlTable table, String prefix, StringBuilder out) {
    out.append(prefix).append(" size=").append(table.size()).append(" empty=").append(table.isEmpty()).append('\n');
    for (String key : table.keySet()) {
      Object value = table.get(List.of(key));
      out.append(prefix).append(key).append(" @").append(table.inputPositionOf(List.of(key))).append(' ');
      if (value instanceof TomlTable t) {
        out.append("{\n");
        dump(t, prefix + key + ".", out);
      } else if (value instanceof TomlArray a) {
        out.append("[").append(a.size()).append("]\n");
        for (int i = 0; i < a.size(); i++) {
          out.append(prefix).append(key).append('[').append(i).append("] @").append(a.inputPositionOf(i)).append(' ').append(a.get(i)).append('\n');
        }
      } else {
        out.append(value).append('\n');
      }
    }
  }

  private static String parsed(String text) {
    TomlParseResult result = Toml.parse(text, TomlVersion.V1_0_0);
    assertThat(result.errors()).isEmpty();
    return dump(result);
  }

  private static void readsAsTheParserDoes(String text) {
    Optional<TomlTable> listed = ComponentListText.read(text);
    assertThat(listed).as("read as a list of components").isPresent();
    assertThat(dump(listed.get())).isEqualTo(parsed(text));
  }

  @Test
  void aListWithIncludesAndCommentsReadsAsTheParserReadsIt() {
    readsAsTheParserDoes("""
        # Components imported from Fedora.
        includes = ["**/*.comp.toml", "component-check-disablement.toml"]

        #
        [components.389-ds-base]
        [components.7zip]   # the archiver
          # indented comment

        [components.CGAL]
        [components.python_3-x]
        """);
  }

  @Test
  void aListWithoutPreludeCrlfLinesAndNoFinalNewlineReadsAsTheParserReadsIt() {
    readsAsTheParserDoes("[components.a]\r\n\r\n# é ü 𝄞\r\n[components.b]\t# tab\r\n[components.c]");
  }

  @Test
  void aPreludeWithTablesAndMultiLineValuesReadsAsTheParserReadsIt() {
    readsAsTheParserDoes("""
        includes = [
          "a.toml",
          "b/*.toml",
        ]
        [project]
        description = '''
        two lines'''
        [components.real]
        [components.'dbus-c++']
        [components."python3.14"]
        """);
  }

  @Test
  void theAzureLinuxComponentListReadsAsTheParserReadsIt() throws Exception {
    Path file = SharedData.azldevProject().resolve("base/comps/components.toml");
    String text = Files.readString(file);
    readsAsTheParserDoes(text);
    assertThat(ComponentListText.read(text).orElseThrow().getTable("components").size()).isGreaterThan(7000);
  }

  @Test
  void nestedGettersAnswerAsTheParserDoes() {
    TomlTable root = ComponentListText.read("includes = [\"x\"]\n[components.a]\n").orElseThrow();
    assertThat(root.getTable("components.a").isEmpty()).isTrue();
    assertThat(root.get(List.of("components", "a", "spec"))).isNull();
    assertThat(root.contains("components.b")).isFalse();
    assertThat(root.getArray("includes").getString(0)).isEqualTo("x");
    assertThat(root.dottedKeySet(true)).containsExactly("includes", "components", "components.a");
    assertThat(root.entry(List.of("components", "a")).position()).isEqualTo(Toml.parse("includes = [\"x\"]\n[components.a]\n").inputPositionOf(List.of("components", "a")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[components.a]\n[components.a]\n", // the parser's duplicate-table error
      "[components.a]\nspec = { type = \"local\" }\n", // a key: an ordinary component file
      "[components.a]\n[components.a.build]\n",
      "[components.a.b]\n",
      "[components.'a\\b']\n[components.\"a\\\\b\"]\n", // an escape in a basic string
      "[components.a]\n[components.'a']\n", // the same name, quoted
      "[components.'']\n",
      "[components.'a]\n",
      "[components.a]\n  [components.b]\n",
      "[components.a]\n[ components.b ]\n",
      "[components.a]\n[components.b] x\n",
      "[components.a]\n# bell \u0007\n",
      "[components.a]\r[components.b]\n",
      "[components.a]\n[project]\n",
      "components.x = {}\n[components.a]\n", // the prelude defines components itself
      "a = \"\"\"\n[components.a]\n\"\"\"\n", // the header is inside a string
      "a = \"\"\"\n[components.a]\n\"\"\"\n[components.b]\n",
      "includes = [\n[components.a]\n", // a broken prelude: the parser reports it
      "[components]\n",
      "# nothing\n",
      "",
  })
  void anythingElseIsLeftToTheParser(String text) {
    assertThat(ComponentListText.read(text)).isEmpty();
  }

  @Test
  void aConfigFileOfThisShapeGivesTheProjectTheParserWouldGive(@org.junit.jupiter.api.io.TempDir Path dir) {
    ProjectFixture fx = new ProjectFixture(dir).project("");
    fx.file("comps/list.comp.toml", "# list\n[components.a]\n[components.b]\n");
    fx.file("comps/b.comp.toml", "[components.b]\n");
    assertThat(fx.errors()).containsExactly(
        "comps/list.comp.toml:3:1: error: component 'b': duplicate component (first defined at comps/b.comp.toml:1:1)\n"
            + "  hint: define each component once; merge the two definitions");
  }
}
