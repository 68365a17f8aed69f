package dev.rpmoverlay.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a commit message into changelog bullet texts the way rpmautospec does: the subject
 * (several lines joined, a leading {@code -} dropped) is the first item; a first body paragraph
 * starting with {@code ...} or {@code …} continues it; then {@code -} lines (each with its
 * continuation lines) become further items until a blank line; any other body text ends the
 * list. {@code %} is doubled so rpm prints it literally.
 */
final class ChangelogItems {
  private static final Pattern ELLIPSIS = Pattern.compile("^(\\.{3,}|…+)\\s*(.*)$", Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);

  private enum State {
    BEFORE_SUBJECT,
    SUBJECT,
    BEFORE_BODY,
    IN_CONTINUATION,
    BODY
  }

  private ChangelogItems() {}

  static List<String> of(String message) {
    List<List<String>> items = new ArrayList<>();
    items.add(new ArrayList<>());
    State state = State.BEFORE_SUBJECT;
    for (String raw : message.split("\n", -1)) {
      String line = PythonText.strip(raw.replace("%", "%%"));
      if (state == State.BEFORE_SUBJECT) {
        if (line.isEmpty()) {
          continue;
        }
        state = State.SUBJECT;
        if (line.startsWith("-")) {
          line = PythonText.lstrip(line.substring(1));
        }
      }
      if (state == State.SUBJECT) {
        if (!line.isEmpty()) {
          items.get(0).add(line);
          continue;
        }
        state = State.BEFORE_BODY;
      }
      if (state == State.BEFORE_BODY) {
        if (line.isEmpty()) {
          continue;
        }
        Matcher ellipsis = ELLIPSIS.matcher(line);
        if (ellipsis.matches()) {
          state = State.IN_CONTINUATION;
          items.get(0).add(ellipsis.group(2));
          continue;
        }
        if (!line.startsWith("-")) {
          break;
        }
        state = State.BODY;
      }
      if (state == State.IN_CONTINUATION) {
        if (line.isEmpty() || line.startsWith("-")) {
          state = State.BODY;
        } else {
          items.get(0).add(line);
          continue;
        }
      }
      if (line.isEmpty()) {
        break;
      }
      if (line.startsWith("-")) {
        line = PythonText.lstrip(line.substring(1));
        items.add(new ArrayList<>());
      }
      items.get(items.size() - 1).add(line);
    }
    List<String> joined = new ArrayList<>(items.size());
    for (List<String> lines : items) {
      joined.add(String.join(" ", lines));
    }
    return joined;
  }
}
