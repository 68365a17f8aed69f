package dev.rpmoverlay;

import java.util.ArrayList;
import java.util.List;

/**
 * The executable content of a markdown document (docs/tutorial.md, README.md, docs/*.md), in order:
 * shell command blocks ({@code sh}, or untagged blocks that start with a command such as
 * {@code ./rpmoverlay}; trailing {@code # comments} dropped),
 * output the reader is shown ({@code text}, checked against the preceding commands' output), and
 * file edits ({@code toml append=PATH} appends, {@code <lang> file=PATH} creates).
 */
record TutorialScript(List<Step> steps) {

  sealed interface Step {}

  /** One line of an {@code sh} block; {@code block} numbers the block, so output checks know their commands. */
  record Command(int block, int line, String text) implements Step {}

  /** Lines the output of block {@code block} must contain (each trimmed, as a substring). */
  record ExpectOutput(int block, int line, List<String> lines) implements Step {}

  record AppendToFile(int line, String path, String content) implements Step {}

  record CreateFile(int line, String path, String content) implements Step {}

  static TutorialScript parse(String markdown) {
    List<Step> steps = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    int shBlocks = 0;
    int i = 0;
    while (i < lines.length) {
      if (!lines[i].startsWith("```")) {
        i++;
        continue;
      }
      String info = lines[i].substring(3).trim();
      int start = i + 1;
      int end = start;
      while (end < lines.length && !lines[end].startsWith("```")) {
        end++;
      }
      if (end == lines.length) {
        throw new IllegalArgumentException("unclosed code block at line " + (i + 1));
      }
      List<String> body = List.of(lines).subList(start, end);
      String content = body.isEmpty() ? "" : String.join("\n", body) + "\n";
      if (info.equals("sh") || info.isEmpty() && startsWithCommand(body)) {
        shBlocks++;
        for (int k = 0; k < body.size(); k++) {
          String cmd = withoutComment(body.get(k)).trim();
          if (!cmd.isEmpty()) {
            steps.add(new Command(shBlocks, start + k + 1, cmd));
          }
        }
      } else if (info.equals("text")) {
        List<String> expected = body.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.equals("...")).toList();
        steps.add(new ExpectOutput(shBlocks, start, expected));
      } else if (info.contains(" append=")) {
        steps.add(new AppendToFile(start, info.substring(info.indexOf(" append=") + 8).trim(), content));
      } else if (info.contains(" file=")) {
        steps.add(new CreateFile(start, info.substring(info.indexOf(" file=") + 6).trim(), content));
      }
      i = end + 1;
    }
    return new TutorialScript(steps);
  }

  /** What the first line of an untagged block starts with when the block is commands to type, not output shown. */
  private static final List<String> COMMAND_PREFIXES = List.of("./rpmoverlay ", "rpmoverlay ", "mvn ", "git ", "docs/", "bench/", "../");

  private static boolean startsWithCommand(List<String> body) {
    String first = body.stream().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    return COMMAND_PREFIXES.stream().anyMatch(first::startsWith);
  }

  /** The line without a trailing shell comment ({@code # ...} after whitespace, outside quotes). */
  static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Splits a command line into words: whitespace separated, with '...' and "..." quoting. */
  static List<String> words(String commandLine) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : commandLine.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + commandLine);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
