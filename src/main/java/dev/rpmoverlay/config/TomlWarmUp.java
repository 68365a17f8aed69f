package dev.rpmoverlay.config;

import org.tomlj.Toml;

/**
 * The TOML parser's first-use cost, paid on a thread of its own. tomlj's ANTLR lexer and parser
 * build their decision tables from the grammar the first time they see each construct, so the
 * first file a process parses costs several times what it would later; loading a project cannot
 * start on its include files before that first file is parsed. Parsing a small text that uses every
 * construct a project's files use, on the second core while the main thread builds the command
 * line, leaves the tables built when the project's own files come.
 */
public final class TomlWarmUp {
  /** Tables, dotted and quoted keys, arrays of tables, inline tables, each kind of string and number, comments. */
  private static final String TEXT = """
      # a comment
      includes = ["a/b.toml", "c/**/*.comp.toml"]

      [project]
      description = "text with \\"escapes\\" and \\u00e9"
      path = 'literal'
      count = 42
      ratio = 0.5
      enabled = true
      when = 2026-01-05T10:00:00Z

      [components.name]
      spec = { type = "upstream", upstream-distro = { name = "fedora", version = "43" } }
      build.without = ["a", "b"]
      "quoted.key" = 1

      [[components.name.overlays]]
      type = "spec-add-tag"
      lines = [
        "one",  # trailing comment
        "two",
      ]
      text = \"""
      multi
      line\"""
      raw = '''
      literal multi'''
      """;

  private TomlWarmUp() {}

  public static void startInBackground() {
    Thread thread = new Thread(TomlWarmUp::run, "toml-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** The warm-up itself, on the calling thread. */
  public static void run() {
    Toml.parse(TEXT, TomlFile.OPTIONS);
  }

  /** For the test: whether the text parses without errors (a warm-up that fails early warms less). */
  static boolean textParses() {
    return !Toml.parse(TEXT, TomlFile.OPTIONS).hasErrors();
  }
}
