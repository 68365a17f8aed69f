package dev.rpmoverlay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** Pretty, stable JSON for {@code -O json}: callers pass ordered maps and lists. */
final class JsonPrinter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonPrinter() {}

  public static void print(PrintWriter out, Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value).replace("\r\n", "\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize output", e);
    }
  }
}
