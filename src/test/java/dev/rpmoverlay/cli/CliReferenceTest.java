package dev.rpmoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The generated command-line documentation is committed and must match the command tree: one
 * AsciiDoc man page per command in docs/man/ (picocli-codegen's ManPageGenerator; {@code
 * asciidoctor -b manpage docs/man/*.adoc} turns them into man pages) and docs/cli.md, every
 * command's --help in one page. After changing a command's help, regenerate them with
 * {@value #REGENERATE}.
 */
class CliReferenceTest {
  static final String REGENERATE = "mvn -B -o test -Dtest=CliReferenceTest -Drpmoverlay.regenerate=true";
  private static final Path MAN = Path.of("docs/man");
  private static final Path REFERENCE = Path.of("docs/cli.md");

  @Test
  void committedManPagesMatchTheCommands() throws IOException {
    Map<String, String> expected = manPages();
    if (Boolean.getBoolean("rpmoverlay.regenerate")) {
      write(MAN, expected);
    }
    Map<String, String> committed = new TreeMap<>();
    if (Files.isDirectory(MAN)) {
      try (Stream<Path> files = Files.list(MAN)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
          committed.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(committed).as("docs/man/ is stale; regenerate with: " + REGENERATE).isEqualTo(expected);
  }

  @Test
  void everyCommandHasAManPage() throws IOException {
    assertThat(manPages()).containsKeys("rpmoverlay.adoc", "rpmoverlay-render.adoc", "rpmoverlay-completion.adoc", "rpmoverlay-config-dump.adoc");
  }

  @Test
  void committedCliReferenceMatchesTheHelp() throws IOException {
    String expected = reference();
    if (Boolean.getBoolean("rpmoverlay.regenerate")) {
      Files.writeString(REFERENCE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "")
        .as("docs/cli.md is stale; regenerate with: " + REGENERATE)
        .isEqualTo(expected);
  }

  private static Map<String, String> manPages() {
    Map<String, String> pages = new TreeMap<>();
    for (CommandSpec spec : commands()) {
      StringWriter page = new StringWriter();
      ManPageGenerator.writeSingleManPage(new PrintWriter(page), spec);
      pages.put(spec.qualifiedName("-") + ".adoc", page.toString());
    }
    return pages;
  }

  private static String reference() {
    StringBuilder md = new StringBuilder();
    md.append("# Command-line reference\n\n")
        .append("Generated from the commands' `--help` by `CliReferenceTest` (regenerate with `")
        .append(REGENERATE)
        .append("`).\nMan pages: `docs/man/` (AsciiDoc; `asciidoctor -b manpage docs/man/*.adoc`).\n");
    for (CommandSpec spec : commands()) {
      StringWriter help = new StringWriter();
      spec.commandLine().usage(new PrintWriter(help), CommandLine.Help.Ansi.OFF);
      md.append("\n## ").append(spec.qualifiedName()).append("\n\n```text\n").append(help.toString().stripTrailing()).append("\n```\n");
    }
    return md.toString();
  }

  /** Every command of the tree, depth first in declaration order, without picocli's 'help'. */
  private static List<CommandSpec> commands() {
    CommandLine root = CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<CommandSpec> all = new ArrayList<>();
    collect(root, all);
    return all;
  }

  private static void collect(CommandLine cmd, List<CommandSpec> all) {
    all.add(cmd.getCommandSpec());
    if (cmd.getCommand() instanceof ComponentCommand) {
      return; // 'component X' is 'X': its page lists them, their own pages are the top-level ones
    }
    cmd.getSubcommands().values().stream()
        .distinct()
        .filter(c -> !c.getCommandName().equals("help"))
        .forEach(c -> collect(c, all));
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
