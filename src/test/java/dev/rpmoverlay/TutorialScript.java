package dev.rpmoverlay;

import java.util.ArrayList;
import java.util.List;

/**
 * The executable content of {@code docs/tutorial.md}, in order: shell command blocks ({@code sh}),
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
      if (info.equals("sh")) {
        shBlocks++;
        for (int k = 0; k < body.size(); k++) {
          String cmd = body.get(k).trim();
          if (!cmd.isEmpty() && !cmd.startsWith("#")) {
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
