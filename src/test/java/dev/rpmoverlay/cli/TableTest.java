package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private static final List<String[]> ROWS = List.of(new String[] {"A", "B"}, new String[] {"x|y", "say \"hi\", then\nleave"});

  private static String print(OutputFormat format) {
    StringWriter s = new StringWriter();
    Table.print(new PrintWriter(s, true), ROWS, format);
    return s.toString();
  }

  @Test
  void csvQuotesFieldsWithCommasQuotesOrLineBreaksAndDoublesQuotes() {
    assertThat(print(OutputFormat.CSV)).isEqualTo("A,B\r\nx|y,\"say \"\"hi\"\", then\nleave\"\r\n");
  }

  @Test
  void markdownEscapesPipesAndFoldsLineBreaks() {
    assertThat(print(OutputFormat.MARKDOWN)).isEqualTo("| A | B |\n| --- | --- |\n| x\\|y | say \"hi\", then leave |\n");
  }

  @Test
  void textPadsEveryColumnButTheLast() {
    assertThat(print(OutputFormat.TABLE)).startsWith("A    B\nx|y  say");
  }
}
