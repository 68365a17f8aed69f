package dev.rpmoverlay.release;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain Java ones (Map, List, String, Number, Boolean; JSON null is Java null),
 * read from jackson-core's streaming parser, and the lenient conversions Jackson's tree nodes
 * offer ({@code asText}, {@code asInt}, {@code asBoolean}), with the same answers, so that
 * {@link HistoryFactsJson} reads what it read through databind.
 */
final class JsonValues {
  private JsonValues() {}

  /** The value that starts at {@code token} (the parser's current token). */
  static Object read(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      return null;
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          map.put(key, read(parser, parser.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(read(parser, t));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return parser.getNumberValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected JSON token " + token);
    }
  }

  /** The elements of a list; any other value has none (as iterating a Jackson value node). */
  static List<?> elements(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  /** A scalar's text; a list or object has none (as {@code JsonNode.asText}). */
  static String asText(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : "";
  }

  /** A number's int value, a numeric string's, true as 1; anything else is 0 (as {@code JsonNode.asInt}). */
  static int asInt(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof String s) {
      try {
        return (int) Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** A boolean, a non-zero number, or the text "true"/"false"; otherwise {@code otherwise} (as {@code JsonNode.asBoolean}). */
  static boolean asBoolean(Object value, boolean otherwise) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.intValue() != 0;
    }
    if (value instanceof String s) {
      String t = s.strip();
      if (t.equals("true")) {
        return true;
      }
      if (t.equals("false")) {
        return false;
      }
    }
    return otherwise;
  }
}
